import { useMemo } from 'react';
import { stepTextParams, type StepTextParams } from './stepTextParams.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** The interpolation values for flow texts, in the current language. */
export function useStepParams(): StepTextParams {
  const { policy } = useFlowSession();
  const locale = useFormattingLocale();
  const context = useSessionSelector((snapshot) => snapshot.context);
  return useMemo(() => stepTextParams(context, policy, locale), [context, policy, locale]);
}
