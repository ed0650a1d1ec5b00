// The re-review queue: accepting a re-review corrects the ledger with one fact, sent as the API's nested body.
import { bodyShapes } from './permit.js';

bodyShapes.review = ({ resolution, indicator, level, quantity, evidenceReference }) => ({
  resolution,
  facts: [{ indicator, level, quantity: quantity === undefined ? undefined : Number(quantity), evidenceReference }],
});
