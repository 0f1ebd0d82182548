// Login tokens as Rocket.Chat stores them (Accounts._hashLoginToken): base64 of the token's SHA-256.

import { createHash } from 'node:crypto';

/**
 * The stored form of a login token: `base64(sha256(token))`, 44 characters.
 *
 * @example
 * hashToken('test-token'); // '4l6...=' — what Rocket.Chat keeps in services.resume.loginTokens[].hashedToken
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64');
