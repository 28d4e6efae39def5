// Why a rig file is refused. The message is one line an artist can act on; `code` is for the UI.
export type RigImportErrorCode =
  'INVALID_GLB' | 'UNSUPPORTED_COMPRESSION' | 'NO_MESHES' | 'NO_MORPH_TARGETS' | 'TARGET_COUNT_MISMATCH' | 'INCONSISTENT_TARGETS' | 'UNKNOWN_CONTROL';

export class RigImportError extends Error {
  readonly code: RigImportErrorCode;

  constructor(code: RigImportErrorCode, message: string) {
    super(message);
    this.name = 'RigImportError';
    this.code = code;
  }
}
