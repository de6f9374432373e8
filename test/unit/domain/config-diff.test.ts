import { describe, expect, it } from 'vitest';
import { configDiff } from '../../../src/domain/config/diff';
import { visitFixture } from '../../fixtures/config';
import { kioskBundle } from '../../fixtures/kiosk';

describe('configDiff', () => {
  it('lists what was added, removed and changed, with the fields, and nothing for the same config', () => {
    const before = kioskBundle({ visits: [visitFixture({ id: 'lama' })] });
    const [first, ...rest] = before.agencies;
    if (!first) throw new Error('no agency');
    const [service, ...others] = first.services;
    if (!service) throw new Error('no service');
    const after = {
      ...before,
      site: { ...before.site, priorityCap: (before.site.priorityCap ?? 3) + 1 },
      agencies: [
        {
          ...first,
          counters: first.counters + 1,
          services: [{ ...service, dailyQuota: 99 }, ...others],
        },
        ...rest,
      ],
      visits: [visitFixture({ id: 'baru' })],
    };

    expect(configDiff(before, before)).toEqual([]);
    expect(configDiff(before, after)).toEqual([
      { kind: 'changed', what: 'site', id: '', fields: ['priorityCap'] },
      { kind: 'changed', what: 'agency', id: first.id, fields: ['counters'] },
      { kind: 'changed', what: 'service', id: service.id, fields: ['dailyQuota'] },
      { kind: 'added', what: 'visit', id: 'baru', fields: [] },
      { kind: 'removed', what: 'visit', id: 'lama', fields: [] },
    ]);
  });
});
