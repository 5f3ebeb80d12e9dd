import { ReminderKind } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { reminderMail } from './reminder-mail.text.js';

describe('a reminder mail', () => {
  it('says what the inbox says, festival names nested, in Chinese then English', () => {
    const mail = reminderMail(
      ReminderKind.FESTIVAL,
      { festival: 'MID_AUTUMN', date: '2027-09-15', days: 3, count: 2, names: '王强、李娜' },
      '/customers',
    );
    expect(mail.subject).toBe(
      '【客户档案】2027-09-15 中秋节：向 2 位关键人物致以节日问候（王强、李娜） / ' +
        'Mid-Autumn Festival on 2027-09-15: greet your 2 key persons (王强、李娜)',
    );
    expect(mail.text.split('\n').at(-2)).toBe('请在客户档案系统中处理 / Act on it in Dossier: /customers');
  });

  it("links to the app's public address when it is configured", () => {
    const mail = reminderMail(
      ReminderKind.MONTHLY_REPORT_READY,
      { month: '2027-02' },
      '/reports',
      new URL('https://dossier.example.com/'),
    );
    expect(mail.text).toBe(
      '2027-02 月度报告已生成，请查阅\nThe monthly report of 2027-02 is ready\n\n' +
        '请在客户档案系统中处理 / Act on it in Dossier: https://dossier.example.com/reports\n',
    );
  });

  it('reads a kind without its own text as the generic line', () => {
    const mail = reminderMail('NEWER_KIND' as ReminderKind, {}, '/inbox');
    expect(mail.subject).toBe('【客户档案】您有一条新的待办提醒 / You have a new reminder');
  });
});
