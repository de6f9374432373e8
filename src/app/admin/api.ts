/**
 * The admin screens' calls to the site server (/api/v1/admin/*, README "Admin API"): one
 * function per call, each with the session's token; a refusal becomes an AdminApiError
 * carrying the server's code, its message and the issues it listed.
 * Must: the token lives in the tab's sessionStorage only (closing the tab signs out), and
 * is never logged.
 */
import type { Booking } from '../../domain/bookings';
import { type RowReport, XLSX_MEDIA_TYPE } from '../../domain/config/catalogue-import';
import type { ConfigChange } from '../../domain/config/diff';
import type { Visit } from '../../domain/config/schema';
import type { PeriodReport, ReportGrain } from '../../domain/day-report';
import type {
  AdminDeviceSummary,
  AdminTokenSummary,
  AuditPage,
  BootstrapResponse,
  CreateEnrollmentResponse,
  FlaggedPage,
  FlagResolution,
  FlagReview,
} from '../../domain/protocol';
import type { SkmReport } from '../../domain/skm-report';
import type {
  AdminSession,
  AdminSignInResponse,
  AdminStaffListResponse,
  StaffRole,
  StaffSetupResponse,
  StaffSummary,
} from '../../domain/staff';
import type { VisitReport } from '../../domain/visit-report';
import type { BookingImportAnswer } from '../../ui/admin/Bookings';
import type { AgencyCheck } from '../../ui/admin/CatalogueEditor';

/** What an import of the catalogue read, row by row, and what it changed or published. */
export type CatalogueImport = {
  rows: RowReport[];
  unknownColumns: string[];
  issues: { path: string; message: string }[];
  changes: ConfigChange[];
  published: string | null;
};

/** A stored config version, as the list shows it. */
export type ConfigVersionInfo = { version: string; source: 'dir' | 'admin'; createdAt: number };

/** A refusal of the server (or no answer: status 0, error 'offline'). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'anjungan.admin.token';

/** Where the tab keeps its session's token. */
export type TokenStore = {
  get(): string | null;
  set(token: string | null): void;
};

/** The tab's own store: sessionStorage, or memory where there is none. */
export function tabTokenStore(): TokenStore {
  let memory: string | null = null;
  const storage = globalThis.sessionStorage as Storage | undefined;
  return {
    get: () => storage?.getItem(TOKEN_KEY) ?? memory,
    set: (token) => {
      memory = token;
      if (!storage) return;
      if (token === null) storage.removeItem(TOKEN_KEY);
      else storage.setItem(TOKEN_KEY, token);
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/** The calls, through `fetchImpl` (the browser's fetch unless a test gives its own). */
export function adminApi(tokens: TokenStore, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(method: string, path: string, body?: unknown, token = tokens.get()) {
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    // An ArrayBuffer is an .xlsx sent as it is; anything else goes as JSON.
    const file = body instanceof ArrayBuffer;
    if (body !== undefined) headers['Content-Type'] = file ? XLSX_MEDIA_TYPE : 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: file ? body : JSON.stringify(body) }),
      });
    } catch {
      throw new AdminApiError(0, 'offline', 'Server tidak terhubung (the server is unreachable).');
    }
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      const refusal = (answer ?? {}) as { error?: string; message?: string; issues?: [] };
      throw new AdminApiError(
        response.status,
        refusal.error ?? 'http_error',
        refusal.message ?? `HTTP ${response.status}`,
        refusal.issues ?? [],
      );
    }
    return answer as T;
  }
  /** A file the server makes (CSV, .xlsx), for a download. */
  async function download(path: string): Promise<Blob> {
    const token = tokens.get();
    const response = await fetchImpl(`/api/v1${path}`, {
      headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    }).catch(() => null);
    if (response === null || !response.ok) {
      throw new AdminApiError(
        response?.status ?? 0,
        'report',
        'Berkas tidak terunduh (the file did not download).',
      );
    }
    return response.blob();
  }
  const started = (answer: AdminSignInResponse): AdminSession => {
    tokens.set(answer.token);
    return answer.session;
  };
  return {
    hasToken: () => tokens.get() !== null,
    async signIn(name: string, pin: string): Promise<AdminSession> {
      return started(await call('POST', '/admin/sign-in', { name, pin }, null));
    },
    async firstPin(setupCode: string, pin: string): Promise<AdminSession> {
      return started(await call('POST', '/admin/first-pin', { setupCode, pin }, null));
    },
    /**
     * A new site's first admin: the bootstrap code the server printed makes an API admin,
     * which makes this person (role admin, every agency) and their PIN; then its own token
     * is revoked, so only the person's session is left.
     */
    async startSite(
      code: string,
      name: string,
      pin: string,
      agencies: readonly string[],
    ): Promise<AdminSession> {
      const boot = await call<BootstrapResponse>('POST', '/bootstrap', { code, name }, null);
      const person = await call<StaffSetupResponse>(
        'POST',
        '/admin/staff',
        { name, role: 'admin', agencies },
        boot.token,
      );
      const session = started(
        await call('POST', '/admin/first-pin', { setupCode: person.setupCode, pin }, null),
      );
      await call('POST', `/admin/tokens/${boot.tokenId}/revoke`).catch(() => undefined);
      return session;
    },
    async me(): Promise<AdminSession> {
      return (await call<{ session: AdminSession }>('GET', '/admin/me')).session;
    },
    async signOut(): Promise<void> {
      try {
        await call('POST', '/admin/sign-out');
      } finally {
        tokens.set(null);
      }
    },
    forget: () => tokens.set(null),
    async devices(): Promise<AdminDeviceSummary[]> {
      return (await call<{ devices: AdminDeviceSummary[] }>('GET', '/admin/devices')).devices;
    },
    enrollment(label: string): Promise<CreateEnrollmentResponse> {
      return call('POST', '/admin/enrollments', label === '' ? {} : { label });
    },
    async revokeDevice(deviceId: string): Promise<void> {
      await call('POST', `/admin/devices/${encodeURIComponent(deviceId)}/revoke`);
    },
    async setDeviceProfile(deviceId: string, profileId: string): Promise<void> {
      await call('POST', `/admin/devices/${encodeURIComponent(deviceId)}/profile`, { profileId });
    },
    async askTestPrint(deviceId: string): Promise<void> {
      await call('POST', `/admin/devices/${encodeURIComponent(deviceId)}/test-print`);
    },
    async staff(): Promise<StaffSummary[]> {
      return (await call<AdminStaffListResponse>('GET', '/admin/staff')).staff;
    },
    createStaff(person: {
      name: string;
      role: StaffRole;
      agencies: string[];
    }): Promise<StaffSetupResponse> {
      return call('POST', '/admin/staff', person);
    },
    newSetupCode(staffId: string): Promise<StaffSetupResponse> {
      return call('POST', `/admin/staff/${encodeURIComponent(staffId)}/setup-code`);
    },
    async lockStaff(staffId: string, locked: boolean): Promise<void> {
      await call('POST', `/admin/staff/${encodeURIComponent(staffId)}/lock`, { locked });
    },
    async visits(): Promise<Visit[]> {
      return (await call<{ visits: Visit[] }>('GET', '/admin/visits')).visits;
    },
    /** Creates or changes a visit (PUT /admin/visits/:id); a 422 lists every issue. */
    async saveVisit(visit: Visit): Promise<Visit> {
      const { id, ...rest } = visit;
      return (await call<{ visit: Visit }>('PUT', `/admin/visits/${encodeURIComponent(id)}`, rest))
        .visit;
    },
    async deleteVisit(id: string): Promise<void> {
      await call('DELETE', `/admin/visits/${encodeURIComponent(id)}`);
    },
    async visitReport(id: string): Promise<VisitReport> {
      const path = `/admin/visits/${encodeURIComponent(id)}/report`;
      return (await call<{ report: VisitReport }>('GET', path)).report;
    },
    /** The visit's report as the CSV the server makes (for a download). */
    visitReportCsv(id: string): Promise<Blob> {
      return download(`/admin/visits/${encodeURIComponent(id)}/report?format=csv`);
    },
    /** The period's report (GET /admin/reports), cut by day, week or month. */
    report(from: string, to: string, by: ReportGrain): Promise<PeriodReport> {
      return call('GET', `/admin/reports?from=${from}&to=${to}&by=${by}`);
    },
    reportCsv(from: string, to: string, by: ReportGrain): Promise<Blob> {
      return download(`/admin/reports?from=${from}&to=${to}&by=${by}&format=csv`);
    },
    /** The SKM report of days `from`…`to` (GET /admin/skm). */
    skm(from: string, to: string): Promise<SkmReport> {
      return call('GET', `/admin/skm?from=${from}&to=${to}`);
    },
    skmCsv(from: string, to: string): Promise<Blob> {
      return download(`/admin/skm?from=${from}&to=${to}&format=csv`);
    },
    /** Flagged and quarantined events after `after`, each with its review; `open`: unreviewed. */
    flagged(after: number, open: boolean): Promise<FlaggedPage> {
      return call('GET', `/admin/flagged?after=${after}&limit=100${open ? '&open=1' : ''}`);
    },
    async reviewFlagged(eventId: string, resolution: FlagResolution): Promise<FlagReview> {
      const path = `/admin/flagged/${encodeURIComponent(eventId)}/review`;
      return (await call<{ review: FlagReview }>('POST', path, { resolution })).review;
    },
    catalogueTemplate(format: 'csv' | 'xlsx'): Promise<Blob> {
      return download(`/admin/catalogue/template.${format}`);
    },
    /** A CSV goes as JSON {csv, publish}; an .xlsx as itself, `publish` in the query. */
    importCatalogue(
      file: { csv: string } | { xlsx: ArrayBuffer },
      publish: boolean,
    ): Promise<CatalogueImport> {
      if ('csv' in file) return call('POST', '/admin/catalogue/import', { csv: file.csv, publish });
      return call('POST', `/admin/catalogue/import?publish=${publish ? 1 : 0}`, file.xlsx);
    },
    importBookings(format: 'csv' | 'json', text: string, save: boolean) {
      return call<BookingImportAnswer>('POST', '/admin/bookings/import', { format, text, save });
    },
    async bookingsOf(day: string): Promise<Booking[]> {
      const path = `/admin/bookings?day=${encodeURIComponent(day)}`;
      return (await call<{ bookings: Booking[] }>('GET', path)).bookings;
    },
    /** Checks an agency with the whole config, or publishes it (PUT /admin/catalogue/agencies/:id). */
    checkAgency(
      id: string,
      agency: Record<string, unknown>,
      publish: boolean,
      basedOn: string,
    ): Promise<AgencyCheck> {
      const path = `/admin/catalogue/agencies/${encodeURIComponent(id)}`;
      return call('PUT', path, { agency, publish, basedOn });
    },
    configVersions(): Promise<{ active: string; versions: ConfigVersionInfo[] }> {
      return call('GET', '/admin/config/versions');
    },
    async configChanges(version: string): Promise<ConfigChange[]> {
      const path = `/admin/config/versions/${encodeURIComponent(version)}/changes`;
      return (await call<{ changes: ConfigChange[] }>('GET', path)).changes;
    },
    async restoreConfig(version: string): Promise<string> {
      const path = `/admin/config/versions/${encodeURIComponent(version)}/restore`;
      return (await call<{ version: string }>('POST', path)).version;
    },
    async tokens(): Promise<AdminTokenSummary[]> {
      return (await call<{ tokens: AdminTokenSummary[] }>('GET', '/admin/tokens')).tokens;
    },
    async revokeToken(tokenId: string): Promise<void> {
      await call('POST', `/admin/tokens/${encodeURIComponent(tokenId)}/revoke`);
    },
    audit(before: number | null): Promise<AuditPage> {
      const query = before === null ? '' : `&before=${before}`;
      return call('GET', `/admin/audit?limit=50${query}`);
    },
  };
}
