import { useContext } from 'react';
import { FlowSessionContext, type FlowSession } from './FlowSessionContext.ts';

export function useFlowSession(): FlowSession {
  const session = useContext(FlowSessionContext);
  if (!session) throw new Error('useFlowSession must be used inside a FlowRunner');
  return session;
}
