/** Turning a parse result into a value or a 400 with every issue. */
import type { Parsed } from '../../domain/request-fields';
import { fail } from './errors';

/** The parsed value, or a thrown 400 `invalid_request` listing each issue (path, message). */
export function valid<T>(parsed: Parsed<T>, error = 'invalid_request'): T {
  if (parsed.ok) return parsed.value;
  throw fail(400, error, 'The request does not match the protocol; see issues.', {
    issues: parsed.issues.slice(0, 50),
  });
}
