import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../src/domain/config/schema';
import {
  applicableRequirements,
  checkRequirements,
  EMPTY_ANSWERS,
  markKey,
  pendingQuestions,
  type RequirementAnswers,
  type RequirementMark,
} from '../../../src/domain/requirements';
import { requirement, service } from '../../fixtures/catalogue';

const option = (id: string) => ({ id, label: { id } });

/** Paspor baru (Permenkumham 18/2022): one identity document out of four, name change asked. */
const PASPOR = service('paspor-baru', {
  questions: [
    { id: 'tidak-dipakai', text: { id: 'Pertanyaan yang tidak dipakai persyaratan' } },
    { id: 'ganti-nama', text: { id: 'Apakah nama Anda pernah diganti?' } },
  ],
  requirements: [
    requirement('ktp-el'),
    requirement('kartu-keluarga'),
    requirement('dokumen-identitas', {
      anyOf: ['akta-kelahiran', 'buku-nikah', 'ijazah', 'surat-baptis'].map(option),
    }),
    requirement('penetapan-ganti-nama', { when: { question: 'ganti-nama', answer: true } }),
    requirement('paspor-lama', { mandatory: false }),
  ],
});

/** Cetak ulang KTP-el: a police loss report when lost, the damaged card otherwise. */
const CETAK_ULANG = service('ktp-el-cetak-ulang', {
  questions: [
    { id: 'sudah-menikah', text: { id: 'Apakah Anda sudah menikah?' } },
    { id: 'ktp-hilang', text: { id: 'Apakah KTP-el Anda hilang?' } },
  ],
  requirements: [
    requirement('surat-kehilangan', { when: { question: 'ktp-hilang', answer: true } }),
    requirement('ktp-el-rusak', { when: { question: 'ktp-hilang', answer: false } }),
    requirement('buku-nikah', { when: { question: 'sudah-menikah', answer: true } }),
    requirement('kartu-keluarga'),
  ],
});

function answers(
  questions: Record<string, boolean>,
  marks: Record<string, RequirementMark>,
): RequirementAnswers {
  return { questions, marks };
}

const ids = (list: readonly Requirement[]) => list.map((r) => r.id);

describe('pendingQuestions', () => {
  it('lists questions used by a requirement, in declared order', () => {
    // Act
    const pending = pendingQuestions(CETAK_ULANG, EMPTY_ANSWERS);

    // Assert
    expect(pending.map((q) => q.id)).toEqual(['sudah-menikah', 'ktp-hilang']);
  });

  it('skips questions no requirement depends on', () => {
    // Act
    const pending = pendingQuestions(PASPOR, EMPTY_ANSWERS);

    // Assert
    expect(pending.map((q) => q.id)).toEqual(['ganti-nama']);
  });

  it('drops questions once answered, whether yes or no', () => {
    // Arrange
    const partly = answers({ 'sudah-menikah': false }, {});

    // Act
    const pending = pendingQuestions(CETAK_ULANG, partly);
    const none = pendingQuestions(
      CETAK_ULANG,
      answers({ 'sudah-menikah': true, 'ktp-hilang': false }, {}),
    );

    // Assert
    expect(pending.map((q) => q.id)).toEqual(['ktp-hilang']);
    expect(none).toEqual([]);
  });

  it('is empty for a service without questions', () => {
    // Act
    const pending = pendingQuestions(service('kartu-keluarga'), EMPTY_ANSWERS);

    // Assert
    expect(pending).toEqual([]);
  });
});

describe('applicableRequirements', () => {
  it('leaves conditional requirements out until their question is answered', () => {
    // Act
    const applicable = applicableRequirements(CETAK_ULANG, EMPTY_ANSWERS);

    // Assert
    expect(ids(applicable)).toEqual(['kartu-keluarga']);
  });

  it('applies the yes branch on yes and the no branch on no', () => {
    // Arrange
    const lost = answers({ 'ktp-hilang': true, 'sudah-menikah': false }, {});
    const damaged = answers({ 'ktp-hilang': false, 'sudah-menikah': true }, {});

    // Act
    const whenLost = applicableRequirements(CETAK_ULANG, lost);
    const whenDamaged = applicableRequirements(CETAK_ULANG, damaged);

    // Assert
    expect(ids(whenLost)).toEqual(['surat-kehilangan', 'kartu-keluarga']);
    expect(ids(whenDamaged)).toEqual(['ktp-el-rusak', 'buku-nikah', 'kartu-keluarga']);
  });
});

describe('checkRequirements', () => {
  it('starts incomplete with everything unconditional unanswered', () => {
    // Act
    const check = checkRequirements(PASPOR, EMPTY_ANSWERS);

    // Assert
    expect(ids(check.unanswered)).toEqual([
      'ktp-el',
      'kartu-keluarga',
      'dokumen-identitas',
      'paspor-lama',
    ]);
    expect(check.satisfied).toEqual([]);
    expect(check.complete).toBe(false);
  });

  it('counts alternatives as satisfied once any one option is present', () => {
    // Arrange
    const marks = answers(
      {},
      {
        [markKey('dokumen-identitas', 'akta-kelahiran')]: 'absent',
        [markKey('dokumen-identitas', 'ijazah')]: 'present',
      },
    );

    // Act
    const check = checkRequirements(PASPOR, marks);

    // Assert
    expect(ids(check.satisfied)).toEqual(['dokumen-identitas']);
    expect(check.missingMandatory).toEqual([]);
  });

  it('keeps alternatives unanswered while some option is unmarked and none present', () => {
    // Arrange
    const marks = answers(
      {},
      {
        'dokumen-identitas/akta-kelahiran': 'absent',
        'dokumen-identitas/buku-nikah': 'absent',
        'dokumen-identitas/ijazah': 'absent',
      },
    );

    // Act
    const check = checkRequirements(PASPOR, marks);

    // Assert
    expect(ids(check.unanswered)).toContain('dokumen-identitas');
    expect(check.missingMandatory).toEqual([]);
  });

  it('counts alternatives as missing when every option is absent', () => {
    // Arrange
    const options = ['akta-kelahiran', 'buku-nikah', 'ijazah', 'surat-baptis'];
    const marks = answers(
      {},
      Object.fromEntries(options.map((o) => [`dokumen-identitas/${o}`, 'absent'])),
    );

    // Act
    const check = checkRequirements(PASPOR, marks);

    // Assert
    expect(ids(check.missingMandatory)).toEqual(['dokumen-identitas']);
  });

  it('takes one "Belum ada" for the whole group as every option absent', () => {
    // Arrange
    const groupAbsent = answers({}, { 'dokumen-identitas': 'absent' });

    // Act
    const check = checkRequirements(PASPOR, groupAbsent);

    // Assert
    expect(ids(check.missingMandatory)).toEqual(['dokumen-identitas']);
  });

  it('requires the conditional document on yes and not on no', () => {
    // Arrange
    const base = {
      'ktp-el': 'present',
      'kartu-keluarga': 'present',
      'paspor-lama': 'present',
      'dokumen-identitas/ijazah': 'present',
    } as const;
    const renamed = answers({ 'ganti-nama': true }, base);
    const notRenamed = answers({ 'ganti-nama': false }, base);

    // Act
    const yes = checkRequirements(PASPOR, renamed);
    const no = checkRequirements(PASPOR, notRenamed);

    // Assert
    expect(ids(yes.unanswered)).toEqual(['penetapan-ganti-nama']);
    expect(yes.complete).toBe(false);
    expect(ids(no.applicable)).not.toContain('penetapan-ganti-nama');
    expect(no.complete).toBe(true);
  });

  it('is incomplete while a question is pending even if every mark is given', () => {
    // Arrange
    const marks = answers(
      {},
      {
        'ktp-el': 'present',
        'kartu-keluarga': 'present',
        'dokumen-identitas': 'present',
        'paspor-lama': 'present',
      },
    );

    // Act
    const check = checkRequirements(PASPOR, marks);

    // Assert
    expect(check.unanswered).toEqual([]);
    expect(check.complete).toBe(false);
  });

  it('separates a missing optional item and lets the check complete', () => {
    // Arrange
    const marks = answers(
      { 'ganti-nama': false },
      {
        'ktp-el': 'present',
        'kartu-keluarga': 'present',
        'dokumen-identitas/buku-nikah': 'present',
        'paspor-lama': 'absent',
      },
    );

    // Act
    const check = checkRequirements(PASPOR, marks);

    // Assert
    expect(ids(check.missingOptional)).toEqual(['paspor-lama']);
    expect(check.missingMandatory).toEqual([]);
    expect(check.complete).toBe(true);
  });

  it('completes with a mandatory item missing (the kiosk then offers a consultation)', () => {
    // Arrange
    const marks = answers(
      { 'ktp-hilang': true, 'sudah-menikah': false },
      {
        'surat-kehilangan': 'absent',
        'kartu-keluarga': 'present',
      },
    );

    // Act
    const check = checkRequirements(CETAK_ULANG, marks);

    // Assert
    expect(ids(check.missingMandatory)).toEqual(['surat-kehilangan']);
    expect(ids(check.satisfied)).toEqual(['kartu-keluarga']);
    expect(check.complete).toBe(true);
  });

  it('ignores marks of requirements that do not apply', () => {
    // Arrange
    const marks = answers(
      { 'ktp-hilang': false, 'sudah-menikah': false },
      {
        'surat-kehilangan': 'absent',
        'ktp-el-rusak': 'present',
        'kartu-keluarga': 'present',
      },
    );

    // Act
    const check = checkRequirements(CETAK_ULANG, marks);

    // Assert
    expect(check.missingMandatory).toEqual([]);
    expect(ids(check.satisfied)).toEqual(['ktp-el-rusak', 'kartu-keluarga']);
  });
});

describe('markKey', () => {
  it('keys a requirement by id and an alternative by id/option', () => {
    // Act
    const keys = [markKey('ktp-el'), markKey('dokumen-identitas', 'ijazah')];

    // Assert
    expect(keys).toEqual(['ktp-el', 'dokumen-identitas/ijazah']);
  });
});
