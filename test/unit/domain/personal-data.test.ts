import { describe, expect, it } from 'vitest';
import { maskPersonal, validPersonal } from '../../../src/domain/personal-data';

describe('personal data', () => {
  it('takes an Indonesian mobile number and a 16-digit NIK, nothing else', () => {
    expect(validPersonal('phone', '081234567890')).toBe(true);
    expect(validPersonal('phone', '0812345678')).toBe(true);
    expect(validPersonal('phone', '12345678901')).toBe(false);
    expect(validPersonal('phone', '08123')).toBe(false);
    expect(validPersonal('nik', '3201234567890001')).toBe(true);
    expect(validPersonal('nik', '320123456789000')).toBe(false);
    expect(validPersonal('nik', '32012345678900011')).toBe(false);
  });

  it('masks all but the first and last four digits, and a short value whole', () => {
    expect(maskPersonal('3201234567890001')).toBe('3201••••••••0001');
    expect(maskPersonal('081234567890')).toBe('0812••••7890');
    expect(maskPersonal('0812')).toBe('••••');
  });
});
