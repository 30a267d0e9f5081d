import { useMemo } from 'react';
import { stepTextParams, type StepTextParams } from './stepTextParams.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';
import { useNow } from './useNow.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** The interpolation values for flow texts, in the current language; relative times stay current. */
export function useStepParams(): StepTextParams {
  const { policy, description } = useFlowSession();
  const locale = useFormattingLocale();
  const context = useSessionSelector((snapshot) => snapshot.context);
  const now = useNow(30_000);
  return useMemo(() => stepTextParams(context, policy, locale, now, description), [context, policy, locale, now, description]);
}
