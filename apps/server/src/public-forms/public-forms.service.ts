import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/problem/problem.exception';
import { TenantDatabase } from '../db/tenant-database.service';
import { FormCatalog } from '../forms/form-catalog.service';
import { RecordsService } from '../records/records.service';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

@Injectable()
export class PublicFormsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDatabase,
    private readonly catalog: FormCatalog,
    private readonly records: RecordsService,
  ) {}

  /** Which tenant and form a token opens: the one narrow lookup before a tenant is known. */
  private async resolve(token: string): Promise<{ tenantId: string; formKey: string }> {
    if (!TOKEN.test(token)) throw notFound('This link does not exist or was turned off');
    const rows: { tenant_id: string; form_key: string }[] = await this.dataSource.query(
      `SELECT * FROM public_form_tenant($1)`,
      [token],
    );
    if (!rows[0]) throw notFound('This link does not exist or was turned off');
    return { tenantId: rows[0].tenant_id, formKey: rows[0].form_key };
  }

  async definition(token: string) {
    const { tenantId, formKey } = await this.resolve(token);
    return this.db.run(tenantId, async (em) => {
      const form = await this.catalog.published(em, tenantId, formKey);
      const [{ name }]: { name: string }[] = await em.query(`SELECT name FROM tenants`);
      // Hidden fields stay on the server.
      const definition = { ...form.definition, fields: form.definition.fields.filter((f) => !f.hidden) };
      return { key: form.key, name: form.definition.name, tenantName: name, definition };
    });
  }

  async submit(token: string, values: Record<string, unknown>): Promise<{ id: string }> {
    const { tenantId, formKey } = await this.resolve(token);
    return this.records.submitPublic(tenantId, formKey, values);
  }
}
