import { describe, expect, it } from 'vitest';
import { visitInPast } from '../../../src/domain/config/rules-visits';
import type { Visit } from '../../../src/domain/config/schema';
import { validateConfigFiles } from '../../../src/domain/config/validate';
import { configFiles, visitFixture } from '../../fixtures/config';
import { exactly, issuesOf } from './helpers';

const file = (id: string) => `visits/${id}.json`;

describe('MPP bergerak visits in config', () => {
  it('refuses two visits of one team on the same day, at the later file', () => {
    // Arrange
    const files = configFiles((f) => {
      f.visits = [
        visitFixture({ id: 'a-sukamaju', date: '2026-02-10', until: '2026-02-12', team: 'tim-1' }),
        visitFixture({ id: 'b-mekarsari', date: '2026-02-12', team: 'tim-1' }),
      ];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result)).toEqual(
      exactly([
        {
          file: file('b-mekarsari'),
          path: '$.date',
          message:
            "bertabrakan dengan kunjungan 'a-sukamaju' tim 'tim-1' pada Kamis 12 Februari 2026",
        },
      ]),
    );
  });

  it('takes visits without a team as the one team of the site', () => {
    // Arrange
    const files = configFiles((f) => {
      f.visits = [
        visitFixture({ id: 'a-sukamaju', date: '2026-02-10' }),
        visitFixture({ id: 'b-mekarsari', date: '2026-02-10', team: 'tim-1' }),
      ];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(issuesOf(result).map((i) => i.file)).toEqual([file('b-mekarsari')]);
  });

  it('lets two teams serve on the same day, and one team on the days after', () => {
    // Arrange
    const files = configFiles((f) => {
      f.visits = [
        visitFixture({ id: 'a-sukamaju', date: '2026-02-10', until: '2026-02-11', team: 'tim-1' }),
        visitFixture({ id: 'b-mekarsari', date: '2026-02-10', team: 'tim-2' }),
        visitFixture({ id: 'c-cempaka', date: '2026-02-12', team: 'tim-1' }),
      ];
    });

    // Act
    const result = validateConfigFiles(files, 'test');

    // Assert
    expect(result.ok).toBe(true);
  });

  it.each([
    ['ends before it starts', { until: '2026-02-09' }, 'tidak boleh sebelum hari pertama'],
    ['lasts more than 7 days', { until: '2026-02-17' }, 'paling lama 7 hari'],
    ['has a quota of 0', { services: [{ service: 'akta-kelahiran', quota: 0 }] }, ''],
  ])('refuses a visit that %s', (_name, overrides, message) => {
    // Arrange
    const files = configFiles((f) => {
      f.visits = [visitFixture(overrides)];
    });

    // Act
    const issues = issuesOf(validateConfigFiles(files, 'test'));

    // Assert
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe(file('sukamaju-2026-02-10'));
    expect(issues[0]?.message).toContain(message);
  });

  it('calls a visit past once its last day is before today, and names that day', () => {
    // Arrange
    const visit = visitFixture({ until: '2026-02-11' }) as Visit;
    const entry = { file: file(visit.id), value: visit };

    // Act
    const onLastDay = visitInPast(entry, '2026-02-11');
    const after = visitInPast(entry, '2026-02-12');

    // Assert
    expect(onLastDay).toBeUndefined();
    expect(after).toEqual({
      file: file('sukamaju-2026-02-10'),
      path: '$.until',
      message: expect.stringContaining('kunjungan sudah lewat (Rabu 11 Februari 2026'),
    });
  });
});
