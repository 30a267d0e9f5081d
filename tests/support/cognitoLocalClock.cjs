// Preloaded into cognito-local (node --require) by startCognitoLocal when a clock offset is asked
// for: "now" inside cognito-local is shifted by COGNITO_LOCAL_CLOCK_OFFSET_MS, so the users it
// creates carry creation and modification times that far in the past, as seeded users would.
/* global process */
'use strict';
const offset = Number(process.env.COGNITO_LOCAL_CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
