/** What the HTTP layer is built from: the store, the active config, the clock, and friends. */
import type { Catalogue } from '../../domain/config/catalogue';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AttemptLimiter, PolicyName } from '../auth/attempts';
import type { Logger } from '../log/logger';
import type { AuditInput } from '../store/audit';
import type { Store } from '../store/store';
import type { DayStates } from '../sync/day-states';
import type { ClientAddress } from './client-address';
import type { CompressionChoice } from './compression';
import type { Pokes } from './pokes';

/** Everything `createApp` needs; the composition root (main.ts) supplies the real ones. */
export type AppDeps = {
  store: Store;
  /** The active, validated site config; its `site.id` is this server's site. */
  config: () => ConfigBundle;
  /**
   * Every id the site's published config versions ever named (src/domain/trust.ts):
   * pushed events naming anything else are quarantined. The active config's alone when absent.
   */
  catalogue?: () => Catalogue;
  /** Ids the site had before a rename: devices' events under them are taken as this site's. */
  formerSiteIds?: () => readonly string[];
  /** Directory of the built PWA (vite build output). */
  appDir: string;
  /** Server software version, for health. */
  version: string;
  now: () => number;
  /** Fan-out to open sync streams; one is made when absent. */
  pokes?: Pokes;
  /** The server's log (access lines, unexpected errors); JSON on stdout when absent. */
  log?: Logger;
  /** Milliseconds a request's body may take to arrive in full (BODY_TIMEOUT_MS). */
  bodyTimeoutMs?: number;
  /** How GET answers are compressed (PULL_COMPRESSION); a bench compares others. */
  compression?: CompressionChoice;
  /** Called once the first admin was made with the bootstrap code (main.ts removes its file). */
  afterBootstrap?: () => void;
  /**
   * Summarize past days for the reports in the background, one at a time, after this delay
   * (ms); off when absent (tests, benchmarks). The server turns it on.
   */
  warmReportsAfterMs?: number;
  /** Milliseconds between heartbeat comments on a sync stream (25 s). */
  heartbeatMs?: number;
  /** The site's secret key (DATA_DIR/secret.key): one-time codes are stored as HMACs under it. */
  secretKey: Uint8Array;
  /** A request's client address for the attempt limits; the socket's when absent. */
  clientAddress?: ClientAddress;
  /** The attempt limiters (bootstrap, enroll, pin); made on `now` when absent. */
  attempts?: Record<PolicyName, AttemptLimiter>;
  /** How long a new admin token is valid (ms); ADMIN_TOKEN_TTL_DAYS, 30 days by default. */
  adminTokenTtlMs?: number;
};

/** AppDeps with every default filled in, as the route modules see them. */
export type ApiDeps = Required<Omit<AppDeps, 'warmReportsAfterMs'>> &
  Pick<AppDeps, 'warmReportsAfterMs'> & {
    siteId: () => string;
    days: DayStates;
    /**
     * Stores `bundle` as a new admin config version (its version made from its content) with
     * `audit` in the same transaction, then serves it as the active config; answers it. One
     * at a time; with `basedOn` (the version its content was built from), refused with 409
     * config_moved once another version has become active.
     */
    publishConfig: (
      bundle: ConfigBundle,
      audit: AuditInput,
      basedOn?: string,
    ) => Promise<ConfigBundle>;
  };
