/**
 * The catalogue import's form: both templates offered, and the file picked sent as what it
 * is — an .xlsx as its bytes, a CSV as its text.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import {
  type CatalogueFile,
  CatalogueImport,
  type CatalogueImportActions,
} from '../../src/ui/admin/CatalogueImport';

function harness() {
  const sent: CatalogueFile[] = [];
  const templates: string[] = [];
  const actions: CatalogueImportActions = {
    catalogueTemplate: async (format) => {
      templates.push(format);
      throw new Error('offline');
    },
    importCatalogue: async (file) => {
      sent.push(file);
      return { rows: [], unknownColumns: [], issues: [], changes: [], published: null };
    },
    refreshConfig: () => {},
  };
  return { sent, templates, actions };
}

/** Picks `file` in the field `label`; resolves when the form has read it. */
async function pick(label: string, file: File, check: string): Promise<void> {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() =>
    expect((screen.getByRole('button', { name: check }) as HTMLButtonElement).disabled).toBe(false),
  );
}

describe('admin UI: the catalogue import form', () => {
  it('offers the template as .xlsx and as CSV', () => {
    const { templates, actions } = harness();
    render(<CatalogueImport lang="id" actions={actions} />);

    screen.getByRole('button', { name: 'Unduh templat Excel (.xlsx)' }).click();
    screen.getByRole('button', { name: 'Unduh templat CSV' }).click();

    expect(templates).toEqual(['xlsx', 'csv']);
    const input = screen.getByLabelText('Berkas CSV atau Excel (.xlsx)') as HTMLInputElement;
    expect(input.accept).toContain('.xlsx');
    expect(input.accept).toContain('.csv');
  });

  it('sends an .xlsx as its bytes and a CSV as its text', async () => {
    const { sent, actions } = harness();
    const label = 'CSV or Excel (.xlsx) file';
    // Each file in a fresh form: "Check" is enabled only once the file is read.
    const send = async (file: File) => {
      const view = render(<CatalogueImport lang="en" actions={actions} />);
      await pick(label, file, 'Check');
      screen.getByRole('button', { name: 'Check' }).click();
      await waitFor(() => expect(screen.getByText('Each row')).toBeTruthy());
      view.unmount();
    };

    await send(new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'Katalog.XLSX'));
    await send(new File(['instansi;layanan\n'], 'katalog.csv', { type: 'text/csv' }));

    const [xlsx, csv] = sent;
    expect(xlsx && 'xlsx' in xlsx && [...new Uint8Array(xlsx.xlsx)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(csv).toEqual({ csv: 'instansi;layanan\n' });
  });
});
