// Defaults meet WCAG 2.1 AA on their own: text #212b32 on white is 14.9:1, the accent #005eb8
// is 5.9:1 (text and white-on-accent button), hints #4c6272 are 6.6:1, errors #d5281b 5.2:1, and
// input borders 6.6:1 (non-text needs 3:1). Focus is the NHS yellow with a dark underline, which
// shows on any background. Hosts theme with the --parley-* custom properties, which inherit
// into the shadow root; contrast of a custom theme is then the host's to keep.
export const CSS = `
:host{display:block;font-family:var(--parley-font,inherit);font-size:var(--parley-font-size,1rem);line-height:1.5;color:var(--parley-color,#212b32);background:var(--parley-background,#fff);--a:var(--parley-accent,#005eb8);--at:var(--parley-accent-text,#fff);--m:var(--parley-muted,#4c6272);--e:var(--parley-error,#d5281b);--f:var(--parley-focus,#ffeb3b);--ft:var(--parley-focus-text,#212b32);--b:var(--parley-border,#4c6272)}
:host([hidden]){display:none}
*{box-sizing:border-box}
.w{padding:var(--parley-padding,0)}
h1,h2,h3,h4,h5,h6{font-size:var(--parley-subheading-size,1.25rem);line-height:1.3;margin:1.5em 0 .5em}
.t{font-size:var(--parley-heading-size,1.75rem);margin-top:0}
p,li{max-width:var(--parley-measure,44em)}
p{margin:0 0 1em}
ol,ul{padding-left:1.5em}
li{margin-bottom:.5em}
a{color:var(--a);text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:3px}
a:focus-visible{outline:3px solid transparent;background:var(--f);color:var(--ft);box-shadow:0 -2px var(--f),0 4px var(--ft);text-decoration:none}
.parley-policy-sign-off{font-style:italic}
.meta,.hint{color:var(--m)}
.ch{list-style:none;padding:0}
.ch li{border-left:4px solid var(--a);padding:.25em 0 .25em 1em;margin-bottom:1em}
.ch p{margin:.25em 0 0}
.l{font-weight:600}
label,legend{display:block;font-weight:600;margin-bottom:.25em}
.fd{margin-bottom:1.25em}
.hint{display:block;margin:0 0 .25em;font-weight:400}
input,textarea,select{display:block;width:100%;max-width:32em;font:inherit;color:#212b32;background:#fff;border:2px solid var(--b);border-radius:0;padding:.4em}
textarea{min-height:8em;resize:vertical}
input:focus,textarea:focus,select:focus{outline:3px solid var(--f);outline-offset:0;box-shadow:inset 0 0 0 2px #212b32}
[aria-invalid=true]{border-color:var(--e)}
.err{color:var(--e);font-weight:600;margin:0 0 .25em}
.fd.bad{border-left:4px solid var(--e);padding-left:1em}
button{font:inherit;font-weight:600;color:var(--at);background:var(--a);border:2px solid transparent;border-radius:4px;padding:.5em 1.2em;cursor:pointer}
button:hover{filter:brightness(.9)}
button:focus-visible{outline:3px solid var(--f);outline-offset:0;box-shadow:0 0 0 6px #212b32}
.al:not(:empty){border:4px solid var(--e);padding:.75em 1em;margin-bottom:1.25em}
.al p{margin:0}
.ok{border:4px solid var(--a);padding:1em;margin:0 0 1em}
.ok:focus{outline:3px solid var(--f)}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;

let shared: CSSStyleSheet | null = null;

/**
 * Styles the shadow root. A constructed stylesheet is shared by every element and is not an
 * inline `<style>`, so a host page whose CSP has no 'unsafe-inline' for styles still works;
 * older browsers get a `<style>` element.
 */
export function applyStyles(root: ShadowRoot): void {
  try {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [shared];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}
