import { Staff } from '../../modules/staff/staff.entity.js';
import { BaseEntity } from './base.entity.js';

/** Every entity MikroORM maps; listed explicitly so the production bundle needs no folder scanning. */
export const entities = [BaseEntity, Staff];
