import '../src/embed/index.ts';
import { createAcmeBackend } from './acmeBackend.ts';
import { hostileCss } from './hostileCss.ts';

// Acme Admin: a host page that embeds the widget as a floating button with its own backend.
// `?lang=de|sv` picks the widget's language; `?hostile` adds a stylesheet that tries to break it.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('invite-doctor') as HTMLElementTagNameMap['invite-doctor'];
const logList = document.getElementById('log') as HTMLOListElement;
const table = document.getElementById('people') as HTMLTableSectionElement;

function log(line: string) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('en-GB')}  ${line}`;
  logList.append(item);
  logList.scrollTop = logList.scrollHeight;
}

if (params.has('hostile')) {
  const style = document.createElement('style');
  style.textContent = hostileCss;
  document.head.append(style);
}

const acme = createAcmeBackend(log);
widget.backend = acme.backend;
widget.policy = { supportContact: 'it-help@acme.example', senderAddress: 'no-reply@acme.example' };
widget.theme = { '--id-color-accent': '#7a3e00', '--id-color-accent-hover': '#5c2e00', '--id-color-focus': '#7a3e00', '--id-color-accent-soft': '#fbeee0' };
const lang = params.get('lang');
if (lang) widget.setAttribute('locale', lang);

widget.addEventListener('invite-doctor:step', (event) => log(`step ${event.detail.flowId} / ${event.detail.stepId}`));
widget.addEventListener('invite-doctor:outcome', (event) => log(`outcome ${event.detail.result} at ${event.detail.stepId}`));
widget.addEventListener('invite-doctor:escalation', (event) => {
  log(`escalation for ${event.detail.packet.user.email ?? 'unknown'}: ${event.detail.markdown.split('\n').length} lines of Markdown ready for a ticket`);
});

document.getElementById('help-button')?.addEventListener('click', () => widget.open());

async function renderPeople() {
  const people = await acme.people();
  table.replaceChildren(
    ...people.map((person) => {
      const row = document.createElement('tr');
      const cells = [person.name ?? '', person.email, '', person.lastSentAt ? new Date(person.lastSentAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—'];
      for (const [index, value] of cells.entries()) {
        const cell = document.createElement('td');
        if (index === 2) {
          const status = document.createElement('span');
          status.className = `acme-status acme-status--${person.status}`;
          status.textContent = person.status;
          cell.append(status);
        } else cell.textContent = value;
        row.append(cell);
      }
      const actions = document.createElement('td');
      const check = document.createElement('button');
      check.type = 'button';
      check.className = 'acme-button';
      check.textContent = 'Check invite';
      check.setAttribute('aria-label', `Check invite for ${person.name ?? person.email}`);
      check.addEventListener('click', () => {
        widget.prefill(person.email);
        widget.open();
      });
      actions.append(check);
      row.append(actions);
      return row;
    }),
  );
}

acme.subscribe(() => void renderPeople());
void renderPeople();
log('Acme Admin loaded; the widget waits behind its button');
