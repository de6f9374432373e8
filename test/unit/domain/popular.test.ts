import { describe, expect, it } from 'vitest';
import { mostAsked } from '../../../src/domain/popular';
import { agency, service } from '../../fixtures/catalogue';

const AGENCIES = [
  agency('disdukcapil', { services: [service('ktp'), service('kk'), service('akta')] }),
  agency('imigrasi', { services: [service('paspor')] }),
];

describe('mostAsked', () => {
  it('orders the services with tickets today by count, ties in config order, up to the limit', () => {
    // Arrange
    const counts: Record<string, number> = { ktp: 3, kk: 7, paspor: 3, akta: 0 };

    // Act
    const top = mostAsked(AGENCIES, (id) => counts[id] ?? 0, 2);
    const all = mostAsked(AGENCIES, (id) => counts[id] ?? 0, 10);

    // Assert
    expect(top).toEqual(['kk', 'ktp']);
    expect(all).toEqual(['kk', 'ktp', 'paspor']);
  });

  it('is empty before the first ticket of the day', () => {
    // Act
    const none = mostAsked(AGENCIES, () => 0, 4);

    // Assert
    expect(none).toEqual([]);
  });
});
