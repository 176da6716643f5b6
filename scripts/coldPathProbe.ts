/**
 * Entry of the cold-path probe (scripts/coldPath.ts), bundled exactly like a deployed function:
 * a real function's `main`, and the loader of the database client that function uses.
 */
export { main } from '../server/functions/createUserVerifyUrl';
export { loadCloud } from '../server/wxCloud';
