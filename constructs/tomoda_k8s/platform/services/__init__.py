"""Platform services beyond the core: one module per chart key of `[platform.charts]`
(dashes as underscores), each defining `Service(scope, id, *, props, kit)` on the kit's
`HelmService` (see ../kit.py). Nothing else wires them: the model entry and the module are
the whole change."""
