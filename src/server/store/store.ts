/**
 * The site's store, composed of its roles (./store-*.ts): SQLite (WAL + synchronous=FULL) or
 * PostgreSQL (DATABASE_URL). Must: resolved means durably committed; a push's events commit
 * together (concurrent pushes may share a transaction, each its own outcome), siteSeqs in commit
 * order; number blocks and quota tokens are never granted twice, across restores too; no HTTP.
 */

import type { AdminAccess, Staff } from './store-access';
import type { Bookings, PersonalData, SkmAnswers } from './store-citizens';
import type { ConfigVersions, Devices, SiteData } from './store-site';
import type { EventLog, Leases } from './store-sync';

/** The whole store, as the composition root opens it; parts take only the roles they use. */
export interface Store
  extends EventLog,
    Leases,
    AdminAccess,
    Devices,
    ConfigVersions,
    SiteData,
    Staff,
    SkmAnswers,
    Bookings,
    PersonalData {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * The store's epoch: a new one after every unclean stop or restore, so devices that
   * see it change re-pull from the start (ARCHITECTURE.md §4).
   */
  readonly epoch: string;
  /** Records a clean stop, so the next start keeps the epoch. */
  close(): Promise<void>;
}
