/** Storage could not answer (down, locked, too slow). Callers must not read this as "no value". */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** A stored value that does not parse: reported, never silently replaced by defaults. */
export class CorruptValueError extends StorageUnavailableError {}
