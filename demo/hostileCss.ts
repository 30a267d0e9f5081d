/**
 * A host stylesheet that tries to reach into the widget: inherited properties on every element
 * and on the widget's own, `!important` everywhere, hidden buttons, a tiny root font size.
 */
export const hostileCss = `
html { font-size: 8px !important; }
* { color: red !important; font-family: 'Comic Sans MS', cursive !important; letter-spacing: 3px !important; line-height: 3 !important; text-transform: uppercase !important; }
button { display: none !important; }
h1, p, label, input { display: inline !important; border: 5px dotted lime !important; margin: 40px !important; }
div { padding: 30px !important; background: yellow !important; }
invite-doctor { font-size: 40px !important; font-weight: 900 !important; font-style: italic !important; visibility: hidden !important; cursor: wait !important; word-spacing: 2em !important; }
`;
