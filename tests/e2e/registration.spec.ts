import { expect, test } from './fixtures';
import { indiaToday, PROMOTERS, receiveByApi } from './applications';
import { chooseByTyping, invoke, loginAs, openApp, qrTextOf, saveScreenshot } from './helpers';

// Registration of a new society (issue #4), from the counter to a verified certificate.
const NAME = 'Ṭuirial Riverside Fishery Cooperative Society Ltd.';
const MIZO_NAME = 'Ṭuirial Luikam Sangha Vulh Cooperative Society';
let applicationId = '';
let ackNo = '';
let qrText = '';

test.describe.serial('a new society, from the counter to a verified certificate', () => {
  test('the clerk records the application at the counter from the keyboard', async ({ page }) => {
    await loginAs(page, 'clerk');
    await openApp(page, '/');
    await page.keyboard.press('Alt+6');
    await expect(
      page.getByRole('heading', { name: 'Applications for registration' }),
    ).toBeVisible();
    await page.keyboard.press('Alt+N');
    await expect(
      page.getByRole('heading', { name: 'New application for registration' }),
    ).toBeVisible();

    await expect(page.getByLabel(/^Proposed name/)).toBeFocused();
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MIZO_NAME);
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Type of society/ }),
      'Fishery',
      /^Fishery cooperative society$/,
    );
    await page.getByLabel(/^Registered address/).focus();
    await page.keyboard.type('Ṭuirial veng, Durtlang');
    // The clerk's office and its district are filled in already.
    await expect(page.getByRole('combobox', { name: /^District/ })).toHaveValue('Aizawl');
    await expect(page.getByRole('combobox', { name: /^Registrar office/ })).toHaveValue(
      'ARCS Aizawl',
    );
    await chooseByTyping(page, page.getByRole('combobox', { name: /^Village \// }), 'Durtlang');
    const area = page.getByRole('combobox', { name: /^Villages in the area of operation/ });
    await area.focus();
    await page.keyboard.type('Durtlang');
    await expect(page.getByRole('option', { name: 'Durtlang', exact: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Date received/)).toHaveValue(/^\d{2}-\d{2}-\d{4}$/);
    await page.getByLabel(/^Fee receipt no/).focus();
    await page.keyboard.type('TR-5 0031');
    await page.getByLabel(/^Share capital collected/).focus();
    await page.keyboard.type('10000');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Share capital collected/)).toHaveValue('10,000.00');
    await page.keyboard.type('MCAB Aizawl 2025/118');

    // Ten promoters, typed row by row: Tab walks a row, Alt+P adds the next.
    await page.getByLabel('Name, promoter 1', { exact: true }).focus();
    const count = page.getByTestId('promoter-count');
    for (const [index, [person, relation, age, occupation, address]] of PROMOTERS.entries()) {
      if (index > 0) {
        await page.keyboard.press('Alt+P');
        await expect(page.getByLabel(`Name, promoter ${index + 1}`, { exact: true })).toBeFocused();
      }
      // The first row key by key; the rest as a scanner or a fast typist enters them.
      const enter = (text: string) =>
        index === 0 ? page.keyboard.type(text) : page.keyboard.insertText(text);
      for (const value of [person, relation, age, occupation, address, '10']) {
        await enter(value);
        await page.keyboard.press('Tab');
      }
      await enter('1000');
      if (index === 6) {
        await expect(count).toHaveText('7 of at least 10 promoters');
        await saveScreenshot(page, 'application-form');
      }
    }
    await expect(count).toHaveText('10 promoters: the minimum of 10 is met');
    await expect(
      page.getByRole('radio', { name: 'Chief promoter: row 1', exact: true }),
    ).toBeChecked();

    await page.keyboard.press('Enter');
    const slip = page.getByTestId('acknowledgement-slip');
    await expect(slip).toBeVisible();
    await expect(page.getByText('Application recorded.', { exact: false })).toBeVisible();
    ackNo = (await page.getByTestId('slip-ack-no').textContent()) ?? '';
    expect(ackNo).toMatch(/^ACK\/AIZ\/\d{4}-\d{2}\/\d{4}$/u);
    await expect(slip).toContainText(NAME);
    await expect(slip).toContainText('Fishery cooperative society');
    await expect(slip).toContainText('Lalrinawma');
    await expect(slip).toContainText('TR-5 0031');
    await expect(slip).toContainText('Lalthanga Sailo');
    await expect(page.getByRole('button', { name: 'Print' })).toBeFocused();
    applicationId = /applications\/([\w-]+)\/acknowledgement/u.exec(page.url())?.[1] ?? '';
    expect(applicationId).not.toBe('');
    await saveScreenshot(page, 'acknowledgement-slip');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'acknowledgement-slip-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('scrutiny, a deficiency letter that stops the clock, and the reply', async ({ page }) => {
    // The whole scrutiny at the keyboard and mouse: longer than one screen's test.
    test.slow();
    await loginAs(page, 'clerk');
    await openApp(page, `/#/applications/${applicationId}`);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText(/^90 days left$|^\d+ days left$/u).first()).toBeVisible();
    await saveScreenshot(page, 'application-received');

    await page.getByRole('button', { name: 'Start scrutiny' }).click();
    await expect(page.getByText('Scrutiny started.')).toBeVisible();
    await expect(page.getByText('Under scrutiny').first()).toBeVisible();

    // The checklist of a fishery society: the common items and its own (the water body).
    const checklist = page.getByTestId('checklist');
    await expect(checklist.getByText('Right to use the ponds or water body')).toBeVisible();
    for (const item of ['promoters', 'bye_laws', 'name', 'area', 'viability']) {
      await page.getByTestId(`checklist-${item}`).getByText('In order', { exact: true }).click();
    }
    await page.getByTestId('checklist-share_capital').getByText('Wanting', { exact: true }).click();
    await expect(page.getByLabel(/^Note on: Share capital/)).toBeFocused();
    await page.keyboard.type('The bank certificate is not signed by the branch manager.');
    await page.getByTestId('checklist-water_rights').getByText('Wanting', { exact: true }).click();
    await expect(page.getByText('7 items changed and not yet saved.')).toBeVisible();
    // A wanting item needs its note before anything is saved.
    await page.keyboard.press('Control+s');
    await expect(
      page.getByText('Say what is wanting; it goes into the deficiency letter.'),
    ).toBeVisible();
    await expect(page.getByLabel(/^Note on: Right to use the ponds/)).toBeFocused();
    await page.keyboard.type('Send the lease deed of the Ṭuirial pond.');
    await saveScreenshot(page, 'scrutiny-checklist');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('The checklist was saved.')).toBeVisible();
    await expect(page.getByTestId('scrutiny-counts')).toHaveText('5 in order · 2 wanting · of 8');

    // The letter comes with what the checklist found wanting; the fee is added to it.
    await page.getByRole('button', { name: 'Send a deficiency letter' }).click();
    const letter = page.getByRole('dialog', { name: 'Send a deficiency letter' });
    await expect(
      letter.getByLabel(/^Share capital collected and the bank certificate/),
    ).toBeChecked();
    await expect(letter.getByLabel(/^What is missing: Share capital/)).toHaveValue(
      'The bank certificate is not signed by the branch manager.',
    );
    await letter.getByLabel(/^Registration fee paid/).check();
    await expect(letter.getByLabel(/^What is missing: Registration fee/)).toBeFocused();
    await page.keyboard.type('Send the original treasury receipt.');
    await saveScreenshot(page, 'deficiency-letter-modal');
    await letter.getByRole('button', { name: 'Record the letter' }).click();

    // The letter prints at once.
    const printed = page.getByTestId('deficiency-letter-document');
    await expect(printed).toBeVisible();
    await expect(page.getByText(/The letter was recorded and the clock is stopped/)).toBeVisible();
    await expect(printed.getByTestId('letter-no')).toContainText(`${ackNo}/DL-1`);
    await expect(printed).toContainText('Lalrinawma');
    await expect(printed).toContainText(`acknowledgement no. ${ackNo}`);
    const items = printed.getByTestId('letter-items').locator('li');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText(
      'The bank certificate is not signed by the branch manager.',
    );
    await expect(items.nth(2)).toContainText('Send the lease deed of the Ṭuirial pond.');
    await saveScreenshot(page, 'deficiency-letter');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'deficiency-letter-print');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');

    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText('Deficiency letter sent').first()).toBeVisible();
    await expect(page.getByText('Clock stopped').first()).toBeVisible();
    await expect(page.getByTestId('deficiency-letter')).toContainText(
      'The bank certificate is not signed by the branch manager.',
    );
    await saveScreenshot(page, 'application-deficient');

    await page.getByRole('button', { name: 'Record the reply' }).click();
    const reply = page.getByRole('dialog', { name: 'Record the applicants’ reply' });
    await expect(reply.getByLabel(/^What the applicants sent/)).toBeFocused();
    await page.keyboard.type(
      'Signed bank certificate, the original receipt and the lease deed received.',
    );
    await reply.getByRole('button', { name: 'Record the reply' }).click();
    await expect(reply).toBeHidden();
    await expect(page.getByText('The reply was recorded; the clock runs again.')).toBeVisible();
    await expect(page.getByTestId('deficiency-letter')).toContainText('Signed bank certificate');

    // What the reply brought is checked and marked in order.
    for (const item of ['share_capital', 'fee', 'water_rights']) {
      await page.getByTestId(`checklist-${item}`).getByText('In order', { exact: true }).click();
    }
    // The wanting note is not kept as the remark of an item put right.
    await expect(page.getByLabel(/^Note on: Share capital/)).toHaveValue('');
    await page.getByRole('button', { name: /^Save checklist/ }).click();
    await expect(page.getByTestId('scrutiny-counts')).toHaveText('8 in order · 0 wanting · of 8');

    // The bank certificate is attached and opens from the application.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('combobox', { name: 'What it is' }).click();
    await page.getByRole('option', { name: 'Bank certificate' }).click();
    await page.getByRole('button', { name: 'Attach a file…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'bank-certificate-tuirial.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await expect(page.getByText('bank-certificate-tuirial.pdf was attached.')).toBeVisible();
    const documents = page.getByTestId('documents');
    await expect(documents).toContainText('Bank certificate');
    const opened = page.waitForEvent('popup');
    await documents.getByRole('button', { name: 'bank-certificate-tuirial.pdf' }).click();
    const viewer = await opened;
    expect(viewer.url()).toMatch(/\/__files\/[\w-]+\/bank-certificate-tuirial\.pdf$/u);
    await viewer.close();
    await saveScreenshot(page, 'application-checked');

    // The clerk who received it never decides it.
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Refuse' })).toHaveCount(0);
    await expect(
      page.getByText('A registrar of ARCS Aizawl approves or refuses it.'),
    ).toBeVisible();
  });

  test('a registrar of ARCS Aizawl approves with the password; the society is registered', async ({
    page,
  }) => {
    await loginAs(page, 'registrar');
    await openApp(page, '/#/applications');
    await page.getByRole('link', { name: ackNo }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the application' });
    await expect(dialog.getByLabel(/^Your password/)).toBeFocused();
    await page.keyboard.type('not my password');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert').or(dialog.getByText(/password/i).last())).toBeVisible();
    await dialog.getByLabel(/^Your password/).fill('Registrar signs the orders');
    await saveScreenshot(page, 'approve-application');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    const approved = page.getByTestId('approved');
    await expect(approved).toContainText(/Registered as RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u);
    const regNo = /RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u.exec((await approved.textContent()) ?? '')![0];
    await expect(approved.getByRole('button', { name: /Print certificate/ })).toBeVisible();
    await saveScreenshot(page, 'application-approved');

    // On the register, with its certificate.
    await approved.getByRole('link', { name: 'Open the society' }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText(regNo).first()).toBeVisible();
    await page.getByRole('tab', { name: 'Certificates' }).click();
    const row = page.getByTestId('certificate-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/RC\/AIZ\/\d{4}-\d{2}\/\d{6}/u);
    await expect(row).toContainText('Registration');
    await expect(row).toContainText('Zothanpuii Ralte');
    await saveScreenshot(page, 'society-certificates');

    // Print: browser mode opens the PDF the backend wrote.
    const popup = page.waitForEvent('popup');
    await row.getByRole('button', { name: /^Print/ }).click();
    const viewer = await popup;
    await expect(row.getByText('Certificate sent to the PDF viewer')).toBeVisible();
    expect(viewer.url()).toMatch(/\/__files\/[\w-]+\/RC-AIZ-.+\.pdf$/u);
    const response = await page.request.get(viewer.url());
    expect(response.headers()['content-type']).toContain('application/pdf');
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await viewer.close();
    qrText = qrTextOf(pdf);
    expect(qrText).toMatch(/c=[\w-]+\.[\w-]+$/u);
  });

  test('the clerk checks the certificate’s QR text: valid, and a changed one is not', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    await openApp(page, '/');
    await page.keyboard.press('Alt+8');
    const box = page.getByLabel('QR code text');
    await expect(box).toBeFocused();
    await box.fill(qrText);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('verify-result');
    await expect(result).toHaveAttribute('data-status', 'valid');
    await expect(result).toContainText('Valid');
    await expect(result).toContainText(NAME);
    await expect(result).toContainText(/RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u);
    await saveScreenshot(page, 'verify-valid');
    // The office's public key is listed for anyone checking by other means.
    const keys = page.getByTestId('office-keys');
    await expect(keys).toContainText('ARCS Aizawl');
    await expect(keys).toContainText(/AIZ-[\w-]{8}/u);
    await expect(keys).toContainText('In use');

    // One character of the signature changed.
    const at = qrText.length - 10;
    const changed = qrText[at] === 'A' ? 'B' : 'A';
    await box.fill(`${qrText.slice(0, at)}${changed}${qrText.slice(at + 1)}`);
    await page.keyboard.press('Enter');
    await expect(result).toHaveAttribute('data-status', 'altered');
    await expect(result).toContainText('Altered — this code was changed after it was signed');
    await saveScreenshot(page, 'verify-altered');

    await box.fill('https://example.org/not-a-certificate');
    await page.keyboard.press('Enter');
    await expect(result).toHaveAttribute('data-status', 'unreadable');
    await expect(result).toContainText('Not a certificate code');

    // The certificate register lists it, found by name.
    await page.keyboard.press('Alt+7');
    await expect(page.getByRole('heading', { name: 'Certificate register' })).toBeVisible();
    await page.getByLabel('Find a certificate').fill('tuirial riverside');
    await expect(page.getByTestId('certificate-row')).toHaveCount(1);
    await expect(page.getByTestId('certificate-row')).toContainText(NAME);
    await saveScreenshot(page, 'certificate-register');
  });

  test('a registrar cannot decide what they received; another refuses it with reasons', async ({
    page,
  }) => {
    await loginAs(page, 'registrar2');
    const refused = await receiveByApi(page, 'Ṭlangnuam Hilltop Poultry Cooperative Society Ltd.');
    // A refusal follows the scrutiny: it found the area of operation wanting.
    const received = await invoke<{ version: number }>(page, 'applications.get', {
      id: refused.id,
    });
    const started = await invoke<{ version: number }>(page, 'applications.startScrutiny', {
      id: refused.id,
      baseVersion: received.version,
    });
    await invoke(page, 'applications.recordScrutiny', {
      id: refused.id,
      baseVersion: started.version,
      items: [{ code: 'area', result: 'wanting', note: 'Overlaps an existing poultry society.' }],
    });
    await openApp(page, `/#/applications/${refused.id}`);
    await expect(
      page.getByText('You received this application; another registrar must decide it.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    await loginAs(page, 'registrar');
    await page.goto('about:blank');
    await openApp(page, `/#/applications/${refused.id}`);
    await page.getByRole('button', { name: 'Refuse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refuse the application' });
    await expect(dialog.getByLabel(/^Reasons for the refusal/)).toBeFocused();
    await dialog.getByLabel(/^Your password/).fill('Registrar signs the orders');
    await dialog.getByRole('button', { name: 'Refuse' }).click();
    await expect(
      dialog.getByText('Give the reasons for the refusal; they are printed on the order.'),
    ).toBeVisible();
    await dialog
      .getByLabel(/^Reasons for the refusal/)
      .fill(
        'The area of operation overlaps that of an existing poultry society.\nThe promoters are not from different families.',
      );
    await dialog.getByRole('button', { name: 'Refuse' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('refused')).toContainText('overlaps that of an existing');
    await page.getByRole('link', { name: 'Refusal order' }).click();
    const order = page.getByTestId('refusal-order');
    await expect(order).toContainText('Order of refusal of registration');
    await expect(order).toContainText('not from different families');
    await expect(order).toContainText('Zothanpuii Ralte');
    await saveScreenshot(page, 'refusal-order');
  });

  test('applications due soon and overdue show on the home screen and the list', async ({
    page,
  }) => {
    await loginAs(page, 'clerk2');
    await receiveByApi(page, 'Sihphir Venghlun Poultry Cooperative Society Ltd.', {
      receivedOn: indiaToday(-80),
    });
    await receiveByApi(page, 'Zemabawk Kawn Poultry Cooperative Society Ltd.', {
      receivedOn: indiaToday(-95),
    });
    await openApp(page, '/');
    const card = page.getByTestId('due-soon');
    await expect(card).toContainText('Applications due soon and overdue (2)');
    await expect(card).toContainText('5 days overdue');
    await expect(card).toContainText('10 days left');
    await saveScreenshot(page, 'register-due-soon');

    await page.keyboard.press('Alt+6');
    await expect(page.getByTestId('application-counts')).toContainText(
      '1 due within 15 days, 1 overdue',
    );
    await expect(page.getByTestId('application-row').first()).toContainText('5 days overdue');
    await saveScreenshot(page, 'applications');
  });

  test('a name reserved for promoters is held against others and fills their application', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    await openApp(page, '/');
    await page.keyboard.press('Alt+6');
    await page.getByRole('link', { name: 'Name reservations' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Name reservations' })).toBeVisible();
    await expect(page.getByLabel(/^Name to reserve/)).toBeFocused();
    await page.keyboard.type('Ṭlangnuam Ṭhingfa Handloom Cooperative Society');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Type of society/ }),
      'Handloom',
      /^Handloom and handicraft cooperative society$/,
    );
    await page.getByLabel(/^Asked for by/).fill('Lalhmingmawii, chief promoter');
    await page.getByRole('button', { name: 'Reserve the name' }).click();
    await expect(page.getByTestId('reserved')).toContainText(
      /Ṭlangnuam Ṭhingfa Handloom Cooperative Society is reserved until \d{2}-\d{2}-\d{4}\./u,
    );
    const row = page.getByTestId('reservation-row').filter({ hasText: 'Ṭlangnuam Ṭhingfa' });
    await expect(row).toContainText('Held');

    // Another party asking for the same name, spelt with t, is told it is held.
    await page.getByLabel(/^Name to reserve/).fill('Tlangnuam Thingfa Handloom Society');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: /^Type of society/ }),
      'Handloom',
      /^Handloom and handicraft cooperative society$/,
    );
    await page.getByLabel(/^Asked for by/).fill('Someone else');
    await page.getByRole('button', { name: 'Reserve the name' }).click();
    await expect(
      page.getByText(/^Ṭlangnuam Ṭhingfa Handloom Cooperative Society is reserved until/u),
    ).toBeVisible();
    await expect(page.getByTestId('reservation-row')).toHaveCount(1);
    await saveScreenshot(page, 'name-reservations');

    // The promoters apply: choosing their reservation fills the name and the type.
    await page.getByRole('link', { name: 'Applications' }).first().click();
    // Alt+N belongs to the applications screen: wait until it is there (the CI run pressed
    // it while the previous screen was still showing).
    await expect(
      page.getByRole('heading', { level: 1, name: 'Applications for registration' }),
    ).toBeVisible();
    await page.keyboard.press('Alt+N');
    await chooseByTyping(
      page,
      page.getByRole('combobox', { name: 'Name reservation' }),
      'Thingfa',
      /^Ṭlangnuam Ṭhingfa Handloom/u,
    );
    await expect(page.getByLabel(/^Proposed name/)).toHaveValue(
      'Ṭlangnuam Ṭhingfa Handloom Cooperative Society',
    );
    await expect(page.getByRole('combobox', { name: /^Type of society/ })).toHaveValue(
      'Handloom and handicraft cooperative society',
    );
    await saveScreenshot(page, 'application-from-reservation');
  });

  test('an application not decided in time is registered by deemed registration', async ({
    page,
  }) => {
    await loginAs(page, 'clerk');
    const overdue = await receiveByApi(page, 'Bungkawn Hmar Poultry Cooperative Society Ltd.', {
      receivedOn: indiaToday(-100),
    });
    await loginAs(page, 'registrar');
    await page.goto('about:blank');
    await openApp(page, `/#/applications/${overdue.id}`);
    await page.getByRole('button', { name: 'Record deemed registration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record deemed registration' });
    await expect(dialog).toContainText('was not decided within the statutory period');
    await saveScreenshot(page, 'deemed-registration');
    await dialog.getByRole('button', { name: 'Record deemed registration' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('approved')).toContainText(
      /Registered as RCS\/AIZ\/\d{4}-\d{2}\/\d{4}/u,
    );
    await expect(page.getByText('Deemed registered').first()).toBeVisible();
  });
});
