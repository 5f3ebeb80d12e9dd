import { byIdLoader } from '../../core/loaders.js';
import { Staff } from './staff.entity.js';

export const staffById = byIdLoader(Staff);
