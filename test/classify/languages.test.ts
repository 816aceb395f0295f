// Bounce texts in German, French, Spanish, Portuguese, Italian, Russian, Japanese and Chinese, as
// localized servers word them: bare SMTP replies with and without an enhanced status (without one,
// the words alone decide) and auto-replies whose subject is written in the language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain } from '../../src/index.js';

type Expected = readonly [reason: string, category: string, bounceType: string];

const USER_UNKNOWN: Expected = ['userunknown', 'recipient-address', 'hard'];
const MAILBOX_FULL: Expected = ['mailboxfull', 'mailbox-full', 'soft'];
const HOST_UNKNOWN: Expected = ['hostunknown', 'recipient-domain', 'hard'];
const TOO_BIG: Expected = ['mesgtoobig', 'message-rejected', 'block'];
const SPAM: Expected = ['spamdetected', 'content-blocked', 'block'];
const DISABLED: Expected = ['suspend', 'recipient-address', 'hard'];
const NO_RELAYING: Expected = ['norelaying', 'sender-blocked', 'block'];
const IP_BLOCKED: Expected = ['blocked', 'sender-blocked', 'block'];

async function assertReply(text: string, [reason, category, bounceType]: Expected): Promise<void> {
  const report = await explain(text);
  assert.equal(report.kind, 'reply-text', text);
  assert.equal(report.results.length, 1, text);
  const [r] = report.results;
  assert.deepEqual(
    { reason: r.reason, category: r.category, bounceType: r.bounceType },
    { reason, category, bounceType },
    text,
  );
}

function autoReply(subject: string, autoSubmitted: boolean, body: string): string {
  return [
    'From: Colleague <colleague@example.org>',
    'To: sender@example.com',
    `Subject: ${subject}`,
    'Date: Mon, 3 Jun 2024 10:00:00 +0200',
    'Message-ID: <auto-1@example.org>',
    ...(autoSubmitted ? ['Auto-Submitted: auto-replied'] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
}

async function assertAutoReply(subject: string, autoSubmitted: boolean, body: string): Promise<void> {
  const report = await explain(Buffer.from(autoReply(subject, autoSubmitted, body), 'utf8'));
  assert.equal(report.kind, 'autoreply', subject);
  assert.equal(report.results.length, 1, subject);
  const [r] = report.results;
  assert.equal(r.recipient, 'colleague@example.org');
  assert.deepEqual(
    { reason: r.reason, category: r.category, bounceType: r.bounceType },
    { reason: 'vacation', category: 'unknown', bounceType: 'soft' },
    subject,
  );
}

const REPLIES: Record<string, readonly (readonly [string, Expected])[]> = {
  German: [
    ['550 5.1.1 <max@example.de>: Benutzer unbekannt', USER_UNKNOWN],
    ['550 Empfänger unbekannt', USER_UNKNOWN],
    ['550 Unbekannter Benutzer: max@example.de', USER_UNKNOWN],
    ['550 Das Postfach existiert nicht', USER_UNKNOWN],
    ['550 5.1.1 Die E-Mail-Adresse, die Sie eingegeben haben, wurde nicht gefunden.', USER_UNKNOWN],
    ['550 Ungültiger Empfänger', USER_UNKNOWN],
    ['552 5.2.2 Postfach voll', MAILBOX_FULL],
    ['550 Postfach voll', MAILBOX_FULL],
    ['452 Das Postfach des Empfängers ist voll', MAILBOX_FULL],
    ['552 Speicherplatzkontingent des Postfachs überschritten', MAILBOX_FULL],
    ['550 5.1.2 Domain existiert nicht', HOST_UNKNOWN],
    ['550 Die Domäne existiert nicht', HOST_UNKNOWN],
    ['550 Domain nicht gefunden', HOST_UNKNOWN],
    ['552 Nachricht zu groß', TOO_BIG],
    ['552 Die Nachricht ist zu groß', TOO_BIG],
    ['552 Die Nachricht überschreitet die maximal zulässige Größe', TOO_BIG],
    ['554 5.7.1 Nachricht wurde als Spam erkannt', SPAM],
    ['550 Spam-Verdacht, Nachricht abgelehnt', SPAM],
    ['550 Konto ist gesperrt', DISABLED],
    ['550 Das Postfach ist deaktiviert', DISABLED],
    ['550 Konto deaktiviert', DISABLED],
    ['550 5.7.1 Relaying nicht erlaubt', NO_RELAYING],
    ['554 Relaying verweigert', NO_RELAYING],
  ],
  French: [
    ['550 5.1.1 <jean@example.fr>: Destinataire inconnu', USER_UNKNOWN],
    ['550 Utilisateur inconnu', USER_UNKNOWN],
    ['550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416', USER_UNKNOWN],
    ["550 L'adresse e-mail que vous avez entrée est introuvable", USER_UNKNOWN],
    ['550 Cette adresse n’existe pas', USER_UNKNOWN],
    ["550 L'utilisateur n'existe pas", USER_UNKNOWN],
    ['550 Boîte aux lettres inexistante', USER_UNKNOWN],
    ['552 5.2.2 Boîte aux lettres pleine', MAILBOX_FULL],
    ['452 La boîte aux lettres du destinataire est pleine', MAILBOX_FULL],
    ['552 Quota dépassé', MAILBOX_FULL],
    ['550 Domaine inexistant', HOST_UNKNOWN],
    ["550 Le domaine n'existe pas", HOST_UNKNOWN],
    ['550 Domaine introuvable', HOST_UNKNOWN],
    ['552 Message trop volumineux', TOO_BIG],
    ['552 La taille du message dépasse la limite autorisée', TOO_BIG],
    ['550 Message considéré comme spam', SPAM],
    ['554 Message rejeté car identifié comme spam', SPAM],
    ['550 Compte désactivé', DISABLED],
    ['550 Compte suspendu', DISABLED],
    ['550 Relais interdit', NO_RELAYING],
    ['550 Relais non autorisé', NO_RELAYING],
  ],
  Spanish: [
    ['550 5.1.1 <ana@example.es>: Usuario desconocido', USER_UNKNOWN],
    ['550 El usuario no existe', USER_UNKNOWN],
    ['550 Destinatario desconocido', USER_UNKNOWN],
    ['550 No se encontró la dirección de correo electrónico que especificó', USER_UNKNOWN],
    ['550 Buzón inexistente', USER_UNKNOWN],
    ['552 5.2.2 Buzón lleno', MAILBOX_FULL],
    ['452 El buzón del destinatario está lleno', MAILBOX_FULL],
    ['552 Cuota excedida', MAILBOX_FULL],
    ['550 5.1.2 El dominio no existe', HOST_UNKNOWN],
    ['550 Dominio inexistente', HOST_UNKNOWN],
    ['550 Dominio desconocido', HOST_UNKNOWN],
    ['552 Mensaje demasiado grande', TOO_BIG],
    ['552 El mensaje excede el tamaño máximo permitido', TOO_BIG],
    ['550 Mensaje rechazado por ser considerado spam', SPAM],
    ['550 Mensaje detectado como spam', SPAM],
    ['550 Cuenta desactivada', DISABLED],
    ['550 Cuenta suspendida', DISABLED],
    ['550 Relay no permitido', NO_RELAYING],
  ],
  Portuguese: [
    ['550 5.1.1 <joao@example.com.br>: Usuário desconhecido', USER_UNKNOWN],
    ['550 Usuário inexistente', USER_UNKNOWN],
    ['550 A conta de e-mail não existe', USER_UNKNOWN],
    ['550 Endereço de e-mail não encontrado', USER_UNKNOWN],
    ['550 Destinatário desconhecido', USER_UNKNOWN],
    ['552 5.2.2 Caixa postal cheia', MAILBOX_FULL],
    ['452 A caixa postal do destinatário está cheia', MAILBOX_FULL],
    ['552 Cota excedida', MAILBOX_FULL],
    ['550 Domínio inexistente', HOST_UNKNOWN],
    ['550 O domínio não existe', HOST_UNKNOWN],
    ['550 Domínio não encontrado', HOST_UNKNOWN],
    ['552 Mensagem muito grande', TOO_BIG],
    ['552 O tamanho da mensagem excede o limite permitido', TOO_BIG],
    ['550 Mensagem rejeitada por ser considerada spam', SPAM],
    ['550 Mensagem identificada como spam', SPAM],
    ['550 Conta desativada', DISABLED],
    ['550 Conta suspensa', DISABLED],
    ['550 Relay não permitido', NO_RELAYING],
  ],
  Italian: [
    ['550 5.1.1 <mario@example.it>: Utente sconosciuto', USER_UNKNOWN],
    ['550 Utente inesistente', USER_UNKNOWN],
    ['550 Indirizzo inesistente', USER_UNKNOWN],
    ['550 La casella di posta non esiste', USER_UNKNOWN],
    ['550 Destinatario sconosciuto', USER_UNKNOWN],
    ["550 Impossibile trovare l'indirizzo di posta elettronica immesso", USER_UNKNOWN],
    ['552 5.2.2 Casella piena', MAILBOX_FULL],
    ['452 La casella di posta del destinatario è piena', MAILBOX_FULL],
    ['552 Quota superata', MAILBOX_FULL],
    ['550 Dominio inesistente', HOST_UNKNOWN],
    ['550 Il dominio non esiste', HOST_UNKNOWN],
    ['552 Messaggio troppo grande', TOO_BIG],
    ['552 La dimensione del messaggio supera il limite consentito', TOO_BIG],
    ['550 Messaggio rifiutato perché considerato spam', SPAM],
    ['550 Il messaggio è stato classificato come spam', SPAM],
    ['550 Casella disabilitata', DISABLED],
    ['550 Account sospeso', DISABLED],
    ['550 Relay non consentito', NO_RELAYING],
    ['550 Relaying non permesso', NO_RELAYING],
  ],
  Russian: [
    ['550 5.1.1 <ivan@example.ru>: Нет такого пользователя', USER_UNKNOWN],
    ['550 Пользователь не найден', USER_UNKNOWN],
    ['550 Получатель не найден', USER_UNKNOWN],
    ['550 Почтовый ящик не существует', USER_UNKNOWN],
    ['550 Неизвестный пользователь', USER_UNKNOWN],
    ['552 5.2.2 Почтовый ящик переполнен', MAILBOX_FULL],
    ['452 Ящик получателя переполнен', MAILBOX_FULL],
    ['552 Превышена квота почтового ящика', MAILBOX_FULL],
    ['552 Недостаточно места в почтовом ящике получателя', MAILBOX_FULL],
    ['550 Домен не существует', HOST_UNKNOWN],
    ['550 5.1.2 Домен не найден', HOST_UNKNOWN],
    ['552 Сообщение слишком большое', TOO_BIG],
    ['552 Размер сообщения превышает допустимый', TOO_BIG],
    ['550 5.7.1 Сообщение отклонено как спам', SPAM],
    ['550 Почтовый ящик заблокирован', DISABLED],
    ['550 Учётная запись отключена', DISABLED],
    ['550 Ваш IP-адрес заблокирован', IP_BLOCKED],
    ['550 Ретрансляция запрещена', NO_RELAYING],
    ['550 Релей запрещён', NO_RELAYING],
  ],
  Japanese: [
    ['550 5.1.1 <taro@example.jp>: 宛先のメールアドレスは存在しません', USER_UNKNOWN],
    ['550 ユーザーが見つかりません', USER_UNKNOWN],
    ['550 宛先不明のため配信できませんでした', USER_UNKNOWN],
    ['552 5.2.2 メールボックスの容量を超えています', MAILBOX_FULL],
    ['452 メールボックスがいっぱいです', MAILBOX_FULL],
    ['552 容量超過のため受信できません', MAILBOX_FULL],
    ['552 メールボックスの空き容量が不足しています', MAILBOX_FULL],
    ['550 5.1.2 ドメインが存在しません', HOST_UNKNOWN],
    ['550 ドメインが見つかりません', HOST_UNKNOWN],
    ['552 メッセージのサイズが大きすぎます', TOO_BIG],
    ['552 メッセージサイズが制限を超えています', TOO_BIG],
    ['550 5.7.1 迷惑メールと判断されたため受信を拒否しました', SPAM],
    ['550 このアカウントは停止されています', DISABLED],
    ['550 アカウントが無効です', DISABLED],
    ['550 リレーは許可されていません', NO_RELAYING],
    ['550 リレーを拒否しました', NO_RELAYING],
  ],
  Chinese: [
    ['550 5.1.1 <wang@example.cn>: 收件人不存在', USER_UNKNOWN],
    ['550 用户不存在', USER_UNKNOWN],
    ['550 该邮箱地址不存在', USER_UNKNOWN],
    ['550 无此用户', USER_UNKNOWN],
    ['550 收件者不存在', USER_UNKNOWN],
    ['552 5.2.2 邮箱已满', MAILBOX_FULL],
    ['452 收件人邮箱空间已满', MAILBOX_FULL],
    ['552 邮箱容量已满', MAILBOX_FULL],
    ['552 信箱已滿', MAILBOX_FULL],
    ['550 域名不存在', HOST_UNKNOWN],
    ['552 邮件大小超过限制', TOO_BIG],
    ['552 邮件过大', TOO_BIG],
    ['550 邮件被判定为垃圾邮件', SPAM],
    ['550 垃圾郵件', SPAM],
    ['550 该账户已被冻结', DISABLED],
    ['550 帐户已停用', DISABLED],
    ['550 不允许中继', NO_RELAYING],
    ['550 拒绝中继', NO_RELAYING],
  ],
};

const AUTO_REPLIES: Record<string, readonly (readonly [string, boolean])[]> = {
  German: [
    ['Abwesenheitsnotiz: Angebot', false],
    ['Automatische Antwort: Angebot', false],
    ['Abwesenheitsnotiz: Angebot', true],
  ],
  French: [
    ['Réponse automatique : Devis', false],
    ["Message d'absence", false],
    ['Absent du bureau', false],
  ],
  Spanish: [
    ['Respuesta automática: Presupuesto', false],
    ['Fuera de la oficina', false],
  ],
  Portuguese: [
    ['Resposta automática: Orçamento', false],
    ['Fora do escritório', false],
  ],
  Italian: [
    ['Risposta automatica: Preventivo', false],
    ['Fuori ufficio', false],
  ],
  Japanese: [
    ['自動応答: お見積り', false],
    ['不在通知: お見積り', false],
    ['【自動返信】お見積り', false],
    ['【不在】お見積り', false],
  ],
  Chinese: [
    ['自动回复: 报价', false],
    ['【自动回复】报价', false],
    ['自動回覆: 報價', false],
  ],
  Russian: [
    ['Автоответ: Предложение', false],
    ['Автоматический ответ: Предложение', false],
    ['Re: Предложение', true],
  ],
};

const BODIES: Record<string, string> = {
  German: 'Ich bin bis 14. Juni nicht im Büro.',
  French: "Je suis absent du bureau jusqu'au 14 juin.",
  Spanish: 'Estoy fuera de la oficina hasta el 14 de junio.',
  Portuguese: 'Estou fora do escritório até 14 de junho.',
  Italian: 'Sono fuori ufficio fino al 14 giugno.',
  Japanese: '6月14日まで不在にしております。',
  Chinese: '我在6月14日之前休假。',
  Russian: 'Я в отпуске до 14 июня.',
};

describe('bounce texts in other languages', () => {
  for (const [language, cases] of Object.entries(REPLIES)) {
    it(`${language}: user unknown, mailbox full, domain, size, spam, disabled account, relaying`, async () => {
      for (const [text, expected] of cases) await assertReply(text, expected);
    });
  }

  it('a phrase that names the domain outweighs the same words said of a mailbox', async () => {
    // "existiert nicht", "no existe", "не существует", "存在しません" are also mailbox phrases
    await assertReply('550 Die Domain existiert nicht', HOST_UNKNOWN);
    await assertReply('550 El dominio no existe', HOST_UNKNOWN);
    await assertReply('550 Домен не существует', HOST_UNKNOWN);
    await assertReply('550 ドメインが存在しません', HOST_UNKNOWN);
    // the sender's domain is not the recipient's
    await assertReply('550 Absenderdomain existiert nicht', ['rejected', 'sender-blocked', 'block']);
  });

  it('Russian "заблокирован" is a disabled account only when it names the mailbox or account', async () => {
    await assertReply('550 Ящик получателя заблокирован', DISABLED);
    await assertReply('550 Пользователь заблокирован', DISABLED);
    await assertReply('550 Ваш IP заблокирован', IP_BLOCKED);
    await assertReply('550 Сообщение заблокировано', IP_BLOCKED);
  });

  it('a transient reply stays soft whatever the language says', async () => {
    await assertReply('450 4.2.1 Konto ist gesperrt', ['suspend', 'recipient-address', 'soft']);
    await assertReply('451 Relais interdit', ['norelaying', 'sender-blocked', 'soft']);
  });
});

describe('auto-replies in other languages', () => {
  for (const [language, cases] of Object.entries(AUTO_REPLIES)) {
    it(`${language}: out-of-office subjects, with and without Auto-Submitted`, async () => {
      for (const [subject, autoSubmitted] of cases) {
        await assertAutoReply(subject, autoSubmitted, BODIES[language]);
      }
    });
  }
});
