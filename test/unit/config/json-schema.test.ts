// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  buildConfigJsonSchema,
  renderConfigJsonSchema,
} from '../../../src/server/config/json-schema';

describe('kiosk-config/schema.json', () => {
  it('is up to date with the valibot schemas (run `npm run config:schema` if not)', async () => {
    // Arrange
    const fresh = renderConfigJsonSchema();

    // Act
    const committed = await readFile('kiosk-config/schema.json', 'utf8');

    // Assert
    expect(committed).toBe(fresh);
  });

  it('defines site, agency, profile and visit and accepts any one of them', () => {
    // Act
    const schema = buildConfigJsonSchema() as { $defs: object; anyOf: unknown[] };

    // Assert
    expect(Object.keys(schema.$defs)).toEqual(['site', 'agency', 'profile', 'visit']);
    expect(schema.anyOf).toEqual(
      ['site', 'agency', 'profile', 'visit'].map((name) => ({ $ref: `#/$defs/${name}` })),
    );
  });
});
