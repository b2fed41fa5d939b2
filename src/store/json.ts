/** Converting domain objects to Prisma JSON values (they are plain data: no Dates, no classes). */
import type { Prisma } from "@prisma/client";

export function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
