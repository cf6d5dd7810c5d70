import { createContext, useContext } from 'react';
import type { TillApi } from '../../preload/contract';

export const TillApiContext = createContext<TillApi | null>(null);

export function useTill(): TillApi {
  const till = useContext(TillApiContext);
  if (!till) throw new Error('TillApiContext missing: the app renders inside its provider');
  return till;
}
