/**
 * `npm run config:schema [-- dir]`: writes <dir>/schema.json (default $CONFIG_DIR, else
 * ./kiosk-config), the JSON Schema editors use to check config files as they are typed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATED_SCHEMA_FILE } from '../../domain/config/layout';
import { renderConfigJsonSchema } from '../config/json-schema';
import { resolveConfigDir } from '../config/load-config';

const target = join(resolveConfigDir(process.argv[2]), GENERATED_SCHEMA_FILE);
await writeFile(target, renderConfigJsonSchema());
console.log(`JSON Schema ditulis ke ${target}`);
