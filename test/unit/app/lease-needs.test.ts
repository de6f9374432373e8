import { describe, expect, it } from 'vitest';
import { leaseNeeds } from '../../../src/app/kiosk/lease-needs';
import { site } from '../../fixtures/catalogue';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';

describe('leaseNeeds (lobby kiosk)', () => {
  it("asks for today's numbers and tokens, and numbers only for the next open day", () => {
    const config = kioskBundle({ site: site({ holidays: ['2026-11-30'] }) });

    // 2026-11-27 is a Friday: the weekend and the Monday holiday are skipped.
    const needs = leaseNeeds(config, kioskProfile(), '2026-11-27');

    expect(needs.days).toEqual(['2026-11-27']);
    expect(needs.aheadDays).toEqual(['2026-12-01']);
    expect(needs.prefixes.length).toBeGreaterThan(0);
  });
});
