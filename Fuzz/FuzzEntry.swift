// The libFuzzer entry point for Doenbaar's fuzz targets; built by
// scripts/fuzz.sh with `-sanitize=fuzzer,address` into one module with
// DoenbaarCore and Tests/DoenbaarCoreTests/Fuzzing/FuzzTargets.swift.
// DOENBAAR_FUZZ_TARGET chooses the target (regels, persona, json, rekenen);
// DOENBAAR_FUZZ_RULES can name another folder of rules for the persona targets.
import Foundation

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DOENBAAR_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("DOENBAAR_FUZZ_TARGET moet een van \(FuzzTarget.allCases.map(\.rawValue)) zijn, niet '\(name)'")
    }
    _ = FuzzTarget.bundled
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
