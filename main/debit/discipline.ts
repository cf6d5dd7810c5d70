// A cycle names its discipline (regulation 3.2.1: the Region funds cycles of musique/chorale, danse, cirque,
// théâtre, arts marionnettiques and arts visuels only). Other items carry none: a discipline sent with a
// licence or a seat is dropped rather than recorded against the wrong kind of service.
import type { ArtDiscipline, Item } from '../../protocol/catalogue';
import { TillError } from '../../preload/contract/errors';

/** The discipline to record for this item: DISCIPLINE_REQUIRED for a cycle without one. */
export function recordedDiscipline(
  item: Item,
  discipline: ArtDiscipline | undefined,
): { discipline?: ArtDiscipline } {
  if (item !== 'CYCLE') return {};
  if (!discipline) throw new TillError('DISCIPLINE_REQUIRED');
  return { discipline };
}
