import { readDoc } from './docs';

/**
 * The team database's `validate_doc_update` (installed by `npm run team:setup`, scripts/team-setup.ts,
 * which bundles this module with the record rules it reads by): the server refuses any document this
 * extension would not accept as a record, any delete, and any write from someone not a member. Server
 * admins pass (they install the design document).
 */

interface UserContext {
  name?: string | null;
  roles?: string[];
}

interface SecurityObject {
  members?: { names?: string[]; roles?: string[] };
  admins?: { names?: string[]; roles?: string[] };
}

export function validateDocUpdate(
  newDoc: Record<string, unknown>,
  _oldDoc: unknown,
  userCtx: UserContext,
  secObj: SecurityObject,
): void {
  const roles = userCtx.roles ?? [];
  if (roles.includes('_admin')) return;
  // The server itself already turns away non-members of a members-only database before this runs;
  // checked again here where it passes the members list (PouchDB Server's _bulk_docs passes none).
  const members = secObj?.members;
  const member =
    !members ||
    (!!userCtx.name && (members.names ?? []).includes(userCtx.name)) ||
    roles.some((role) => (members.roles ?? []).includes(role));
  // CouchDB's forbidden and unauthorized errors, as it expects them thrown.
  if (!member) throw { unauthorized: 'Only members of this team database may write to it.' };
  if (newDoc._deleted === true) throw { forbidden: 'Records are not deleted: a tombstone record says one is gone.' };
  const reading = readDoc(newDoc);
  if (!reading.ok || !reading.exact) {
    const issue = reading.issues[0];
    const where = issue?.path ? ` (${issue.path}: ${issue.code})` : '';
    throw { forbidden: `Not a record Digest Clipper accepts${where}.` };
  }
}
