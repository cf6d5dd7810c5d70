import { createContext, useContext } from 'react';
import type { TillApi } from '../../preload/contract';

export const TillContext = createContext<TillApi | null>(null);

export function useTill(): TillApi {
  const till = useContext(TillContext);
  if (!till) throw new Error('TillContext missing');
  return till;
}
