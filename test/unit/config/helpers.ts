/** Assertion and file helpers shared by the config tests. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { type ConfigFile, sortIssues } from '../../../src/domain/config/issues';
import type { ConfigIssue, ConfigResult } from '../../../src/domain/config/validate';
import { type ConfigFixture, type LocalTextInput, serviceOf } from '../../fixtures/config';

type Prerequisite = NonNullable<ReturnType<typeof serviceOf>['prerequisites']>[number];

/** An issue a test expects: exact file and path, `message` is a substring. */
export type ExpectedIssue = { file: string; path: string; message: string };

/** The issues of a result that must be invalid. */
export function issuesOf(result: ConfigResult): ConfigIssue[] {
  if (result.ok) throw new Error('expected the config to be invalid, but it is valid');
  return result.issues;
}

/** Matchers for exactly these issues, in the order validation sorts them. */
export function exactly(expected: readonly ExpectedIssue[]): unknown[] {
  return sortIssues(expected).map(({ file, path, message }) => ({
    file,
    path,
    message: expect.stringContaining(message),
  }));
}

const REPEAT = /"repeat-as:\d+:(?:[^"\\]|\\.)*"/g;
let repeats = 0;

/**
 * Marks a key to be written into `target` once more, after its other keys: `raw` is the
 * key as the file will spell it (`'pre\\u0066ix'` writes `"pre\u0066ix"`). Each mark is
 * its own key, so a key can be repeated more than once.
 */
export function repeatKey(target: object, raw: string, value: unknown): void {
  (target as Record<string, unknown>)[`repeat-as:${++repeats}:${raw}`] = value;
}

/** Writes config files into a directory as two-space JSON, a `repeatKey` mark as its raw key. */
export async function writeConfigDir(dir: string, files: readonly ConfigFile[]): Promise<void> {
  for (const { file, content } of files) {
    const text = JSON.stringify(content, null, 2).replace(
      REPEAT,
      (marked) => `"${(JSON.parse(marked) as string).replace(/^repeat-as:\d+:/, '')}"`,
    );
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), `${text}\n`);
  }
}

/** A broken fixture and the issues validation must report for it. */
export type RuleCase = { rule: string; edit: (f: ConfigFixture) => void; issues: ExpectedIssue[] };

/** The fixture's file names. */
export const DUKCAPIL = 'agencies/disdukcapil.json';
export const IMIGRASI = 'agencies/imigrasi.json';
export const PROFILE = 'profiles/kiosk-lobi.json';
export const VISIT = 'visits/sukamaju-2026-02-10.json';

/** disdukcapil's ktp-el: the service with a question, a `when` and an `anyOf`. */
export const ktpEl = (f: ConfigFixture) => serviceOf(f, 'disdukcapil', 'ktp-el');
/** imigrasi's paspor-baru: the service with a fixed cost and a prerequisite. */
export const paspor = (f: ConfigFixture) => serviceOf(f, 'imigrasi', 'paspor-baru');

/** paspor-baru's prerequisite (ktp-el at disdukcapil). */
export function prerequisiteOf(f: ConfigFixture): Prerequisite {
  const found = paspor(f).prerequisites?.[0];
  if (!found) throw new Error('fixture: paspor-baru has no prerequisite');
  return found;
}

/** Removes the English of a text. */
export function dropEnglish(localText: LocalTextInput | undefined): void {
  if (localText) delete localText.en;
}
