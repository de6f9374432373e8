/**
 * The Store on any SqlDb: one set of queries and transactions for SQLite and PostgreSQL.
 * Must: migrations run, the ledger is applied and the epoch decided before the store is
 * handed out; close() records the clean stop and then closes the database; it is safe to
 * call twice.
 */

import type { Logger } from '../log/logger';
import * as adminTokens from './admin-tokens';
import * as admins from './admins';
import * as audit from './audit';
import * as bookings from './bookings';
import * as configVersions from './config-versions';
import * as orders from './device-orders';
import * as devices from './devices';
import { recordCleanClose, startEpoch } from './epoch';
import * as reads from './event-reads';
import * as leases from './leases';
import { Ledger } from './ledger';
import { ledgerPathOf } from './ledger-file';
import { migrate } from './migrations';
import * as personal from './personal-data';
import { batchedPush } from './push';
import * as site from './site-identity';
import * as skm from './skm';
import type { SqlDb } from './sql';
import * as staff from './staff';
import { ledgerStaffOf } from './staff-ledger';
import type { Store } from './store';

/** How a store is opened on a database. */
export type SqlStoreOptions = {
  /** Where the clean-close marker lives; null for none (in-memory, pg without a dir). */
  markerPath: string | null;
  now: () => number;
  /** Where a damaged file of DATA_DIR is reported. */
  log?: Logger;
};

/** Migrates `db`, decides the epoch and returns the Store over it. */
export async function createSqlStore(db: SqlDb, options: SqlStoreOptions): Promise<Store> {
  try {
    await migrate(db, options.now());
    // The ledger first: a ledger that does not fit the database stops the start before
    // anything (the epoch, the marker) changes.
    const ledger =
      options.markerPath === null
        ? null
        : await Ledger.open(db, ledgerPathOf(options.markerPath), options.now(), options.log);
    const epoch = await startEpoch(db, options.markerPath, options.now(), options.log);
    return storeOn(db, epoch, options.markerPath, ledger, options.now);
  } catch (error) {
    await db.close();
    throw error;
  }
}

function storeOn(
  db: SqlDb,
  epoch: string,
  markerPath: string | null,
  ledger: Ledger | null,
  now: () => number,
): Store {
  let closing: Promise<void> | null = null;
  /** Writes the person a change answers into the ledger, as the database now holds them. */
  const kept = async <R extends { siteId: string; staffId: string } | null>(
    change: Promise<R>,
  ): Promise<R> => {
    const record = await change;
    if (record !== null && ledger !== null) {
      const whole = await db.read((tx) => ledgerStaffOf(tx, record.siteId, record.staffId));
      if (whole !== null) await ledger.recordStaff(whole);
    }
    return record;
  };
  return {
    kind: db.dialect,
    epoch,
    push: batchedPush(db),
    pull: (siteId, cursor, limit) => reads.pull(db, siteId, cursor, limit),
    pullPage: (siteId, cursor, limit, skip) => reads.pullPage(db, siteId, cursor, limit, skip),
    head: (siteId) => reads.head(db, siteId),
    eventsOfDay: (siteId, day) => reads.eventsOfDay(db, siteId, day),
    dayStamp: (siteId, day) => reads.dayStamp(db, siteId, day),
    keptDaySummary: (siteId, day) => reads.keptDaySummary(db, siteId, day),
    keepDaySummary: (siteId, day, stamp, summary) =>
      reads.keepDaySummary(db, siteId, day, stamp, summary),
    findEvent: (eventId) => reads.findEvent(db, eventId),
    flaggedEvents: (siteId, after, limit, open) =>
      reads.flaggedEvents(db, siteId, after, limit, open),
    reviewFlagged: (siteId, eventId, review) => reads.reviewFlagged(db, siteId, eventId, review),
    leaseNumbers: (input) => leases.leaseNumbers(db, input),
    leaseQuota: async (input) => {
      const { granted, ...grant } = await leases.leaseQuota(db, input);
      // In the ledger before the device hears of it: a restored database learns it again.
      if (grant.count > 0) await ledger?.recordQuota({ ...input, granted }, now());
      return grant;
    },
    numberLeases: (siteId, day) => leases.numberLeases(db, siteId, day),
    hasActiveAdmin: (at) => admins.hasActiveAdmin(db, at),
    setBootstrapCode: (codeHash, at) => admins.setBootstrapCode(db, codeHash, at),
    bootstrapAdmin: (codeHash, admin, token) => admins.bootstrapAdmin(db, codeHash, admin, token),
    createAdmin: (admin, token, by) => admins.createAdmin(db, admin, token, by),
    createAdminToken: (adminId, token) => adminTokens.createAdminToken(db, adminId, token),
    revokeAdminToken: (tokenId, at, by) => adminTokens.revokeAdminToken(db, tokenId, at, by),
    adminByToken: (tokenHash) => adminTokens.adminByToken(db, tokenHash),
    saveBookings: (siteId, list, at, forgetBefore) =>
      bookings.saveBookings(db, siteId, list, at, forgetBefore),
    bookingsBetween: (siteId, from, to) => bookings.bookingsBetween(db, siteId, from, to),
    knownBookingCodes: (siteId, codes) => bookings.knownBookingCodes(db, siteId, codes),
    savePersonalData: (siteId, entries, at) => personal.savePersonalData(db, siteId, entries, at),
    personalDataCount: (siteId) => personal.personalDataCount(db, siteId),
    forgetPersonalData: (siteId, before) => personal.forgetPersonalData(db, siteId, before),
    recordSkm: (siteId, response) => skm.recordSkm(db, siteId, response),
    hasSkm: (siteId, ticketId) => skm.hasSkm(db, siteId, ticketId),
    skmResponses: (siteId, from, to) => skm.skmResponses(db, siteId, from, to),
    forgetSuggestions: (siteId, before) => skm.forgetSuggestions(db, siteId, before),
    startStaffSession: (person, token) => adminTokens.startStaffSession(db, person, token),
    isStaffAdmin: (adminId) => adminTokens.isStaffAdmin(db, adminId),
    endStaffSession: (tokenId, adminId, at) =>
      adminTokens.endStaffSession(db, tokenId, adminId, at),
    adminTokens: () => adminTokens.adminTokens(db),
    touchAdminToken: (tokenId, at) => adminTokens.touchAdminToken(db, tokenId, at),
    recordAudit: (entry) => audit.recordAudit(db, entry),
    auditLog: (before, limit) => audit.auditLog(db, before, limit),
    createEnrollment: (input) => devices.createEnrollment(db, input),
    enrollDevice: async (codeHash, device) => {
      const record = await devices.enrollDevice(db, codeHash, device);
      // In the ledger before the device has its token: a restored database learns it again.
      if (record !== null) {
        await ledger?.recordDevice({ ...record, tokenHash: device.tokenHash }, codeHash);
      }
      return record;
    },
    deviceByToken: (tokenHash) => devices.deviceByToken(db, tokenHash),
    devices: (siteId) => devices.devices(db, siteId),
    revokeDevice: async (deviceId, at, by) => {
      const revoked = await devices.revokeDevice(db, deviceId, at, by);
      if (revoked) await ledger?.recordRevocation({ deviceId, at });
      return revoked;
    },
    touchDevice: (deviceId, at) => devices.touchDevice(db, deviceId, at),
    reportHealth: (deviceId, health, at, asked = null) =>
      orders.reportHealth(db, deviceId, health, at, asked),
    setDeviceProfile: async (siteId, deviceId, profileId, change) => {
      const record = await orders.setDeviceProfile(db, siteId, deviceId, profileId, change);
      // In the ledger before the admin hears of it: a restored database keeps the profile.
      if (record !== null) await ledger?.recordProfile(deviceId, profileId);
      return record;
    },
    askTestPrint: (siteId, deviceId, change) => orders.askTestPrint(db, siteId, deviceId, change),
    deviceHealth: (siteId) => devices.deviceHealth(db, siteId),
    saveConfigVersion: (siteId, record, audit) =>
      configVersions.saveConfigVersion(db, siteId, record, audit),
    activeConfig: (siteId) => configVersions.activeConfig(db, siteId),
    configHistory: (siteId) => configVersions.configHistory(db, siteId),
    configVersionList: (siteId) => configVersions.configVersionList(db, siteId),
    configVersion: (siteId, version) => configVersions.configVersion(db, siteId, version),
    siteIdentity: () => site.readSiteIdentity(db),
    claimSite: (siteId) => site.claimSite(db, siteId),
    renameSite: async (from, to) => {
      const identity = await site.renameSite(db, from, to);
      await ledger?.renameSite(from, to);
      return identity;
    },
    // Each change of a person is in the ledger before it is answered: a restored database
    // learns it again (./staff-ledger.ts).
    createStaff: (record, by) => kept(staff.createStaff(db, record, by)),
    staffOfSite: (siteId) => staff.staffOfSite(db, siteId),
    staffById: (siteId, staffId) => staff.staffById(db, siteId, staffId),
    staffBySetupCode: (siteId, codeHash, at) => staff.staffBySetupCode(db, siteId, codeHash, at),
    replaceSetupCode: (siteId, staffId, code, at, by) =>
      kept(staff.replaceSetupCode(db, siteId, staffId, code, at, by)),
    setPinByCode: (siteId, codeHash, pin, at) =>
      kept(staff.setPinByCode(db, siteId, codeHash, pin, at)),
    setStaffLocked: (siteId, staffId, locked, at, by) =>
      kept(staff.setStaffLocked(db, siteId, staffId, locked, at, by)),
    close: () => {
      closing ??= recordCleanClose(db, markerPath, epoch).finally(() => db.close());
      return closing;
    },
  };
}
