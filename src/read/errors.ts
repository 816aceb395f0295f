/**
 * Raised for input that cannot be read as a bounce at all (empty, binary, too large, unreadable,
 * or not given as text or bytes: 'wrong-type').
 * The message is one line meant for a person; the CLI prints it as it is. Any other error thrown
 * by explain() is a bug.
 */
export class InputError extends Error {
  readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

export type InputErrorCode = 'empty' | 'too-large' | 'binary' | 'unreadable' | 'wrong-type';
