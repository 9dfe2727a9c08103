/** Whether this tab's change-event stream is connected, for the header to show. */
import { createContext, useContext } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export const LiveStatusContext = createContext<LiveStatus>('connecting');

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
