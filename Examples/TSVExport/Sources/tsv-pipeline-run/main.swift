// A custom pipeline-run: the built-in stages plus the example TSV sink.
import Pipeline
import PipelineCLI
import Stages
import TSVExport

await PipelineCLI.main(registry: try StageRegistry.builtIn.registering(TSVExportStage.self))
