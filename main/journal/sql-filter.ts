// The WHERE and LIMIT of the read side's queries, built from optional conditions. Values are always
// bound; only column names and fixed operators are written into the SQL text.
export class SqlFilter {
  private readonly conditions: string[] = [];
  readonly args: (string | number)[] = [];

  where(condition: string, ...args: readonly (string | number)[]): this {
    this.conditions.push(condition);
    this.args.push(...args);
    return this;
  }

  /** An empty list matches nothing (`IN ()` is not standard SQL). */
  whereIn(column: string, values: readonly string[]): this {
    return this.where(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`, ...values);
  }

  /** ` WHERE a AND b`, or nothing without conditions. */
  get sql(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** ` LIMIT n` with n a whole number, never negative (it is written into the SQL); nothing without a limit. */
export function limitSql(limit: number | undefined): string {
  return limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : '';
}
