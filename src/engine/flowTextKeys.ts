import type { Flow } from './flowSchema.ts';

/** Every translation key a flow uses, with the step that uses it. */
export function flowTextKeys(flow: Flow): Array<{ step: string; key: string }> {
  const keys: Array<{ step: string; key: string }> = [{ step: '(flow)', key: flow.title }];
  if (flow.description) keys.push({ step: '(flow)', key: flow.description });
  for (const [id, step] of Object.entries(flow.steps)) {
    const add = (key: string | undefined) => {
      if (key) keys.push({ step: id, key });
    };
    add(step.title);
    add(step.body);
    add(step.say);
    add(step.check);
    if (step.kind === 'question') {
      for (const option of step.options) {
        add(option.label);
        add(option.hint);
      }
    }
    if (step.kind === 'input') add(step.label);
    if (step.kind === 'info') add(step.continueLabel);
  }
  return keys;
}
