namespace Permit.CardAgent.Simulated;

/// <summary>The panel's one page: plain HTML and a few lines of script against <c>/simulated/*</c>, no assets to ship.</summary>
internal static class PanelPage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>SIMULATED readers · permit-agent 模拟读卡器</title>
        <style>
          body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5rem; max-width: 44rem; color: #1d2733; }
          .banner { background: #fff3cd; border: 2px dashed #b7791f; padding: .6rem 1rem; font-weight: 600; }
          section { border: 1px solid #c9d3df; border-radius: 6px; padding: .8rem 1rem; margin-top: 1rem; }
          button { margin: .2rem .4rem .2rem 0; padding: .4rem .8rem; }
          #status { min-height: 1.4rem; color: #2a5d2a; }
        </style>
        </head>
        <body>
        <p class="banner">SIMULATED — 模拟读卡器，仅供演示和开发。No real card is read or written here.</p>
        <h1>模拟读卡器 Simulated readers</h1>
        <section>
          <h2>身份证读卡器 ID card reader</h2>
          <label for="person">放入谁的身份证 Whose ID card</label>
          <select id="person"></select>
          <button id="choose">放入身份证 Insert ID card</button>
        </section>
        <section>
          <h2>居住证读卡器 Permit card reader</h2>
          <p>卡片 Card: <strong id="permit-card">…</strong> <span id="permit-state"></span></p>
          <button id="blank">放入新空白卡 Insert a fresh blank card</button>
          <button id="pull">拔出卡片 Pull the card</button>
          <button id="put-back">插回卡片 Put it back</button>
          <div>
            <label for="holder">演示持证人的卡 A demo holder's card</label>
            <select id="holder"></select>
            <button id="tap">在读卡器上刷卡 Tap at the counter</button>
          </div>
        </section>
        <p id="status" role="status"></p>
        <script>
        const $ = id => document.getElementById(id);
        function show(state) {
          const person = $('person');
          if (person.options.length !== state.people.length)
            person.replaceChildren(...state.people.map(p => new Option(p.name, p.index)));
          person.value = state.person;
          $('holder').replaceChildren(...state.holderCards.map(c => new Option(c, c)));
          $('tap').disabled = state.holderCards.length === 0;
          $('permit-card').textContent = state.permitCard;
          $('permit-state').textContent = state.permitCardState;
        }
        async function call(path, body, done) {
          const response = await fetch(path, { method: body === undefined ? 'GET' : 'POST',
            headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
          const answer = await response.json();
          if (!response.ok) { $('status').textContent = answer.detail ?? response.statusText; return; }
          show(answer);
          if (done) $('status').textContent = done;
        }
        $('choose').onclick = () => call('/simulated/id-card', { person: Number($('person').value) }, '身份证已放入 ID card inserted');
        $('blank').onclick = () => call('/simulated/permit-card/blank', {}, '空白卡已放入 Blank card inserted');
        $('pull').onclick = async () => {
          await call('/simulated/permit-card/pull', {}, '卡片已拔出 Card pulled');
          const state = await (await fetch('/simulated/state')).json();
          if (state.carriedCard)
            $('status').textContent = `卡片已拔出，可在柜台面板刷卡：${state.carriedCard} · Card pulled; tap it on the counter's panel as ${state.carriedCard}`;
        };
        $('put-back').onclick = () => call('/simulated/permit-card/put-back', {}, '卡片已插回 Card put back');
        $('tap').onclick = () => call('/simulated/permit-card/holder', { card: $('holder').value }, '已刷卡 Card tapped');
        call('/simulated/state');
        </script>
        </body>
        </html>
        """;
}
