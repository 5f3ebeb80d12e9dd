import { StaffRole } from '@dossier/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DocumentsTabDocument,
  MyOpenLoansDocument,
  RequestDocumentLoanDocument,
  UpdateDocumentDocument,
} from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { DocumentsTab } from './DocumentsTab';

const customerId = 'Customer:1';
const filer = { __typename: 'Staff', id: 'staff-rep', name: '李伟' };
const access = (view: boolean, download: boolean, borrow: boolean) => ({
  __typename: 'DocumentAccess',
  view,
  download,
  borrow,
});

const filed = (id: string, title: string, level: string, myAccess: ReturnType<typeof access>) => ({
  __typename: 'Document',
  id,
  version: 1,
  title,
  fileName: `${title}.pdf`,
  project: null as { __typename: 'Project'; id: string; name: string } | null,
  category: 'PROPOSAL',
  level,
  documentDate: '2026-11-20',
  retentionYears: 10 as number | null,
  retainUntil: null as string | null,
  retentionUntil: '2036-11-20',
  pastRetention: false,
  filedAt: '2026-11-20T02:30:00Z',
  filedBy: filer,
  size: 2_560,
  contentUrl: `/documents/${id}/content`,
  myAccess,
});

const proposal = filed('Document:1', '技术方案', 'INTERNAL', access(true, false, true));
const minutes = filed('Document:2', '董事会纪要', 'SECRET', access(true, false, false));

const factory = { __typename: 'Project' as const, id: 'Project:3', name: '智慧工厂二期' };

const tabMock = (nodes: unknown[]) => ({
  request: { query: DocumentsTabDocument, variables: { customerId } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: customerId,
        projects: { __typename: 'ProjectConnection', nodes: [factory] },
        documents: {
          __typename: 'DocumentConnection',
          nodes,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    },
  },
});

const loan = {
  __typename: 'DocumentLoan',
  id: 'DocumentLoan:7',
  version: 1,
  status: 'ON_LOAN',
  approval: 'REGISTRATION',
  dueAt: '2026-11-22T02:30:00Z',
  document: { __typename: 'Document', id: proposal.id, myAccess: access(true, true, false) },
};

const openLoans = (nodes: unknown[]) => ({
  request: { query: MyOpenLoansDocument, variables: { borrowerId: 'staff-rep' } },
  result: { data: { loanRegister: { __typename: 'DocumentLoanConnection', nodes } } },
});

const rowOf = (title: string) => screen.getByRole('row', { name: new RegExp(title) });

describe('DocumentsTab', () => {
  it('lists the documents with their level, and offers each only what the server allows', async () => {
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [tabMock([proposal, minutes]), openLoans([])],
    });

    const secret = await screen.findByRole('row', { name: /董事会纪要/ });
    expect(
      within(secret)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Proposal',
      'Secret',
      'Nov 20, 2036',
      expect.stringMatching(/^李伟Nov 20, 2026/),
      '2.5 kB',
      'ViewRead in place only; never downloaded',
    ]);
    expect(within(secret).getByRole('link', { name: 'View' }).getAttribute('href')).toBe(
      '/documents/Document:2/content',
    );
    expect(within(secret).queryByRole('link', { name: 'Download' })).toBeNull();
    expect(within(secret).queryByRole('button', { name: 'Request loan' })).toBeNull();

    const internal = rowOf('技术方案');
    expect(within(internal).getByText('On registration, up to 2 days')).toBeTruthy();
    expect(within(internal).queryByRole('link', { name: 'Download' })).toBeNull();
    // Classifying is the keepers' task.
    expect(within(internal).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('offers an analyst, who writes nothing, no upload', async () => {
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [tabMock([]), openLoans([])],
      role: StaffRole.ANALYST,
    });
    expect(await screen.findByText('No documents filed yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Upload a document' })).toBeNull();
  });

  it('shows the project a document is filed under and its size in words', async () => {
    const letter = { ...filed('Document:3', '交货函', 'INTERNAL', access(false, false, true)), size: 63 };
    const plan = { ...filed('Document:4', '实施计划', 'INTERNAL', access(false, false, true)), size: 1 };
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [tabMock([{ ...letter, project: factory }, plan]), openLoans([])],
    });
    const row = await screen.findByRole('row', { name: /交货函/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('交货函交货函.pdfProject: 智慧工厂二期');
    expect(within(row).getAllByRole('cell')[4]?.textContent).toBe('63 bytes');
    expect(within(rowOf('实施计划')).getByRole('rowheader').textContent).toBe('实施计划实施计划.pdf');
    expect(within(rowOf('实施计划')).getAllByRole('cell')[4]?.textContent).toBe('1 byte');
  });

  it("lets a keeper correct a document's metadata; only what changed is sent, the row then offers what the new level allows", async () => {
    const input = {
      title: '技术方案（终版）',
      category: 'CONTRACT',
      level: 'SECRET',
      retentionYears: null,
      retainUntil: '2040-01-01',
    };
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [
        tabMock([proposal]),
        openLoans([]),
        {
          request: {
            query: UpdateDocumentDocument,
            variables: { id: proposal.id, expectedVersion: 1, input },
          },
          result: {
            data: {
              updateDocument: {
                ...proposal,
                ...input,
                version: 2,
                retentionUntil: '2040-01-01',
                myAccess: access(true, false, false),
              },
            },
          },
        },
      ],
      role: StaffRole.ARCHIVIST,
    });
    const row = await screen.findByRole('row', { name: /技术方案/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit 技术方案' });
    expect((within(dialog).getByLabelText('Years of retention') as HTMLInputElement).value).toBe('10');
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: input.title } });
    fireEvent.change(within(dialog).getByLabelText('Category'), { target: { value: 'CONTRACT' } });
    fireEvent.change(within(dialog).getByLabelText('Confidentiality'), { target: { value: 'SECRET' } });
    fireEvent.change(within(dialog).getByLabelText('Retention'), { target: { value: 'until' } });
    fireEvent.change(within(dialog).getByLabelText('Keep until'), { target: { value: '2040-01-01' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const saved = screen.getByRole('row', { name: /技术方案（终版）/ });
    expect(
      within(saved)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
        .slice(0, 3),
    ).toEqual(['Contract', 'Secret', 'Jan 1, 2040']);
    expect(within(saved).getByText('Read in place only; never downloaded')).toBeTruthy();
    expect(within(saved).queryByRole('button', { name: 'Request loan' })).toBeNull();
  });

  it("on a conflicting edit shows the other keeper's change beside this one's, and reapplies over it", async () => {
    const theirs = { ...proposal, version: 2, level: 'CONFIDENTIAL' };
    const update = (expectedVersion: number) => ({
      query: UpdateDocumentDocument,
      variables: { id: proposal.id, expectedVersion, input: { level: 'SECRET' } },
    });
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [
        tabMock([proposal]),
        openLoans([]),
        {
          request: update(1),
          result: {
            errors: [
              new GraphQLError('Document was changed by someone else; reload and try again', {
                extensions: { code: 'VERSION_CONFLICT', currentVersion: 2 },
              }),
            ],
          },
        },
        // The tab reads the documents again: another keeper lowered the level meanwhile.
        tabMock([theirs]),
        openLoans([]),
        {
          request: update(2),
          result: {
            data: {
              updateDocument: {
                ...theirs,
                version: 3,
                level: 'SECRET',
                myAccess: access(true, false, false),
              },
            },
          },
        },
      ],
      role: StaffRole.ADMIN,
    });
    fireEvent.click(
      within(await screen.findByRole('row', { name: /技术方案/ })).getByRole('button', { name: 'Edit' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit 技术方案' });
    fireEvent.change(within(dialog).getByLabelText('Confidentiality'), { target: { value: 'SECRET' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Someone changed this: reload and reapply.');
    await waitFor(() =>
      expect(
        within(alert)
          .getAllByRole('row')
          .slice(1)
          .map((row) => [...row.children].map((cell) => cell.textContent)),
      ).toEqual([['Confidentiality', 'Confidential', 'Secret']]),
    );

    fireEvent.click(within(alert).getByRole('button', { name: 'Reapply my change' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rowOf('技术方案').querySelector('.level')?.textContent).toBe('Secret');
  });

  // The loan made joins the open loans the tab read (no second read of them); asking waits for that read,
  // whose answer would otherwise replace the list after the loan joined it.
  it('lends an INTERNAL document on request: the loan shows with its due time, download and return', async () => {
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [
        tabMock([proposal]),
        openLoans([]),
        {
          request: { query: RequestDocumentLoanDocument, variables: { documentId: proposal.id } },
          result: { data: { requestDocumentLoan: loan } },
        },
      ],
      language: 'zh-CN',
    });
    const row = await screen.findByRole('row', { name: /技术方案/ });
    expect(within(row).getByText('登记即借, 最长 2 天')).toBeTruthy();
    const request = within(row).getByRole('button', { name: '申请借阅' }) as HTMLButtonElement;
    await waitFor(() => expect(request.disabled).toBe(false));

    fireEvent.click(request);

    const download = await within(row).findByRole('link', { name: '下载' });
    expect(download.getAttribute('href')).toBe('/documents/Document:1/content?download');
    expect(within(row).queryByRole('button', { name: '申请借阅' })).toBeNull();
    expect((await within(row).findByRole('status')).textContent).toMatch(/^借阅中，至 2026年11月22日/);
    expect(within(row).getByRole('button', { name: '归还' })).toBeTruthy();
  });
});

/** Stands in for the browser's XMLHttpRequest: answers the upload with `answer` and keeps what was sent. */
function fakeUploads(answer: { status: number; body: unknown }) {
  const sent: FormData[] = [];
  class FakeRequest {
    status = 0;
    responseText = '';
    responseType = '';
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    open() {}
    send(body: FormData) {
      sent.push(body);
      queueMicrotask(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 } as ProgressEvent);
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeRequest);
  return sent;
}

async function openUpload(file: File) {
  fireEvent.click(await screen.findByRole('button', { name: 'Upload a document' }));
  const dialog = screen.getByRole('dialog', { name: 'Upload a document' });
  fireEvent.change(within(dialog).getByLabelText('File (at most 25 MB)'), { target: { files: [file] } });
  return dialog;
}

describe('uploading a document', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a file over 25 MB before sending anything', async () => {
    const sent = fakeUploads({ status: 201, body: { id: 'Document:9' } });
    await renderTab(<DocumentsTab customerId={customerId} />, { mocks: [tabMock([]), openLoans([])] });
    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 + 1 });
    const dialog = await openUpload(big);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const input = within(dialog).getByLabelText('File (at most 25 MB)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The file is larger than 25 MB: the archive does not take it.',
    );
    expect(sent).toEqual([]);
  });

  it("shows the server's refusal next to its field and keeps the form", async () => {
    const sent = fakeUploads({
      status: 400,
      body: {
        errors: [
          {
            message: 'retentionYears must be at most 50 years; longer is permanent',
            extensions: { code: 'BAD_USER_INPUT', field: 'retentionYears' },
          },
        ],
      },
    });
    await renderTab(<DocumentsTab customerId={customerId} />, { mocks: [tabMock([]), openLoans([])] });
    const dialog = await openUpload(new File(['hello'], '报价单.txt', { type: 'text/plain' }));
    fireEvent.change(within(dialog).getByLabelText('Confidentiality'), { target: { value: 'CONFIDENTIAL' } });
    fireEvent.change(within(dialog).getByLabelText('Years of retention'), { target: { value: '60' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const years = within(dialog).getByLabelText('Years of retention');
    await waitFor(() => expect(years.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(years.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'retentionYears must be at most 50 years; longer is permanent',
    );
    const form = sent[0] as FormData;
    expect(Object.fromEntries([...form.entries()].filter(([name]) => name !== 'file'))).toEqual({
      customerId,
      title: '报价单',
      category: 'CONTRACT',
      level: 'CONFIDENTIAL',
      documentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      retentionYears: '60',
    });
    expect((form.get('file') as File).name).toBe('报价单.txt');
    expect(screen.getByRole('dialog', { name: 'Upload a document' })).toBeTruthy();
  });

  it("files a document under one of the customer's projects when the rep picks it", async () => {
    const sent = fakeUploads({ status: 201, body: { id: 'Document:5' } });
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [tabMock([]), openLoans([]), tabMock([{ ...proposal, project: factory }])],
    });
    const dialog = await openUpload(new File(['%PDF-1.4'], '技术方案.pdf', { type: 'application/pdf' }));
    const where = within(dialog).getByLabelText('Filed under') as HTMLSelectElement;
    expect([...where.options].map((option) => option.text)).toEqual([
      'The dossier itself',
      'Project: 智慧工厂二期',
    ]);
    fireEvent.change(where, { target: { value: factory.id } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const row = await screen.findByRole('row', { name: /技术方案/ });
    expect(within(row).getByText('Project: 智慧工厂二期')).toBeTruthy();
    const form = sent[0] as FormData;
    expect([form.get('customerId'), form.get('projectId')]).toEqual([customerId, factory.id]);
  });

  it('lists the filed document once the server took it', async () => {
    fakeUploads({ status: 201, body: { id: 'Document:1' } });
    await renderTab(<DocumentsTab customerId={customerId} />, {
      mocks: [tabMock([]), openLoans([]), tabMock([proposal])],
    });
    const dialog = await openUpload(new File(['%PDF-1.4'], '技术方案.pdf', { type: 'application/pdf' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('row', { name: /技术方案/ })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
