/**
 * @jest-environment jsdom
 */
import { policyFragment } from './policy-html';

function render(html: string, level = 2, title = 'Policy'): HTMLElement {
  const host = document.createElement('div');
  host.appendChild(policyFragment(html, title, level));
  document.body.appendChild(host);
  return host;
}

describe('policyFragment', () => {
  afterEach(() => {
    document.body.textContent = '';
    delete (window as any).__pwned;
  });

  it('keeps the renderer’s markup: article, headings, lists, emphasis, safe links and its two classes', () => {
    const host = render(
      '<article class="parley-policy"><h2>Policy</h2><p>Hi <em>there</em> <strong>you</strong></p><ol><li><a href="mailto:a@b.example" rel="x">mail</a></li></ol><p class="parley-policy-sign-off">Bye</p></article>',
    );
    expect(host.innerHTML).toBe(
      '<article class="parley-policy"><h2 class="t">Policy</h2><p>Hi <em>there</em> <strong>you</strong></p>' +
        '<ol><li><a href="mailto:a@b.example" rel="noopener noreferrer nofollow">mail</a></li></ol><p class="parley-policy-sign-off">Bye</p></article>',
    );
  });

  it('moves headings so the title is at the requested level, clamped to h6', () => {
    expect(render('<h2>T</h2><h3>S</h3>', 4).innerHTML).toBe('<h4 class="t">T</h4><h5>S</h5>');
    expect(render('<h2>T</h2><h3>S</h3>', 1).innerHTML).toBe('<h1 class="t">T</h1><h2>S</h2>');
    expect(render('<h2>T</h2><h3>S</h3><h4>U</h4>', 6).innerHTML).toBe(
      '<h6 class="t">T</h6><h6>S</h6><h6>U</h6>',
    );
  });

  it('adds the title as text when the HTML has no heading', () => {
    expect(render('<p>Body</p>', 3, '<b>A & B</b>').innerHTML).toBe(
      '<h3 class="t">&lt;b&gt;A &amp; B&lt;/b&gt;</h3><p>Body</p>',
    );
  });

  it('never runs or keeps script, event handlers, styles, frames or odd link schemes', () => {
    const hostile =
      '<h2 onclick="window.__pwned=1">T</h2><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">' +
      '<p style="color:red" onmouseover="window.__pwned=1">text<svg><script>window.__pwned=1</script></svg></p>' +
      '<a href="javascript:window.__pwned=1">click</a><a href=" JaVaScRiPt:alert(1)">two</a><a href="data:text/html,x">three</a>' +
      '<iframe src="javascript:window.__pwned=1"></iframe><style>*{display:none}</style><p class="evil">c</p>' +
      '<div><span>kept text</span></div><form><input value="v"></form>';
    const host = render(hostile);
    expect(host.innerHTML).toBe('<h2 class="t">T</h2><p>text</p>clicktwothree<p>c</p>kept text');
    expect(host.querySelectorAll('[onerror],[onclick],[style],script,img,iframe').length).toBe(0);
    expect((window as any).__pwned).toBeUndefined();
  });

  it('drops markup spelled to confuse parsers', () => {
    const host = render(
      '<p>a</p><!-- <script>window.__pwned=1</script> --><noscript><p>b</p></noscript><template><script>x</script></template>',
    );
    expect(host.innerHTML).toBe('<h2 class="t">Policy</h2><p>a</p>');
    expect((window as any).__pwned).toBeUndefined();
  });
});
