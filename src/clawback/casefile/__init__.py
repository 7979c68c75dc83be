"""Case files: a whole case (matter, protective order, documents, claims, rulings, motions to
seal, acts, closures) as one YAML file, read into ``domain.casefile`` values at the edge
(``read``) and written back from them (``write``). Loading one into a record and exporting one
from it are the service's (``service.casefiles``)."""
