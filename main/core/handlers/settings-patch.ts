// How a `*.configure` / `*.set` call changes stored settings: the fields it names take its values (null
// included, which clears), the fields it leaves out keep theirs.
export function patchSettings<T extends object>(current: T, input: { [K in keyof T]?: T[K] | undefined }): T {
  const next = { ...current };
  for (const key of Object.keys(input) as (keyof T)[]) {
    const value = input[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
}
