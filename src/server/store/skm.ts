/**
 * SKM answers (src/domain/skm.ts): one per ticket, kept as they came; read back by day for
 * the admin's IKM. Must: the first answer of a ticket stands; nothing of the citizen but
 * what they chose to give.
 */
import type { SkmAnswers, SkmScore } from '../../domain/skm';
import type { SkmAnswerRequest } from '../../domain/skm-respondent';
import type { SqlDb } from './sql';

/** One stored answer. */
export type SkmResponse = Omit<SkmAnswerRequest, 'answers'> & {
  ticketId: string;
  businessDay: string;
  agencyId: string;
  serviceId: string;
  answers: SkmAnswers;
  answeredAt: number;
};

/** Stores the ticket's answer unless it has one: true when this one was stored. */
export function recordSkm(db: SqlDb, siteId: string, r: SkmResponse): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stored = await tx.run(
      `INSERT INTO skm_responses (site_id, ticket_id, business_day, agency_id, service_id,
         answers, age_band, sex, education, occupation, suggestion, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, ticket_id) DO NOTHING`,
      [
        siteId,
        r.ticketId,
        r.businessDay,
        r.agencyId,
        r.serviceId,
        r.answers.join(''),
        r.ageBand ?? null,
        r.sex ?? null,
        r.education ?? null,
        r.occupation ?? null,
        r.suggestion ?? null,
        r.answeredAt,
      ],
    );
    return stored === 1;
  });
}

/** Whether the ticket has an answer. */
export function hasSkm(db: SqlDb, siteId: string, ticketId: string): Promise<boolean> {
  return db.read(async (tx) => {
    const rows = await tx.all(
      'SELECT 1 AS one FROM skm_responses WHERE site_id = ? AND ticket_id = ?',
      [siteId, ticketId],
    );
    return rows.length > 0;
  });
}

type Row = {
  ticket_id: string;
  business_day: string;
  agency_id: string;
  service_id: string;
  answers: string;
  age_band: string | null;
  sex: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
  answered_at: number | string;
};

/** The answers of tickets of days `from` to `to` (inclusive), by day then ticket. */
export function skmResponses(
  db: SqlDb,
  siteId: string,
  from: string,
  to: string,
): Promise<SkmResponse[]> {
  return db.read(async (tx) => {
    const rows = await tx.all<Row>(
      `SELECT ticket_id, business_day, agency_id, service_id, answers, age_band, sex, education,
         occupation, suggestion, answered_at FROM skm_responses
       WHERE site_id = ? AND business_day >= ? AND business_day <= ?
       ORDER BY business_day, ticket_id`,
      [siteId, from, to],
    );
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      businessDay: row.business_day,
      agencyId: row.agency_id,
      serviceId: row.service_id,
      answers: [...row.answers].map(Number) as SkmScore[] as unknown as SkmAnswers,
      ...(row.age_band === null ? {} : { ageBand: row.age_band as SkmResponse['ageBand'] }),
      ...(row.sex === null ? {} : { sex: row.sex as SkmResponse['sex'] }),
      ...(row.education === null ? {} : { education: row.education as SkmResponse['education'] }),
      ...(row.occupation === null
        ? {}
        : { occupation: row.occupation as SkmResponse['occupation'] }),
      ...(row.suggestion === null ? {} : { suggestion: row.suggestion }),
      answeredAt: Number(row.answered_at),
    }));
  });
}

/**
 * Forgets the free-text suggestions of answers that came before `before` (they may hold a
 * name or a number the citizen typed); the scores and choices stay. How many were forgotten.
 */
export function forgetSuggestions(db: SqlDb, siteId: string, before: number): Promise<number> {
  return db.transaction((tx) =>
    tx.run(
      `UPDATE skm_responses SET suggestion = NULL
       WHERE site_id = ? AND answered_at < ? AND suggestion IS NOT NULL`,
      [siteId, before],
    ),
  );
}
