// Reads HeartBeam DICOM SEG files with dcmjs (the JavaScript DICOM library web viewers use) and prints
// what a viewer needs: frames, segment coding, first source reference, set bits.
// Not part of the build (it needs dcmjs from npm):
//   mkdir -p /tmp/dcmjs && (cd /tmp/dcmjs && npm init -y && npm install dcmjs)
//   NODE_PATH=/tmp/dcmjs/node_modules node scripts/check-seg-dcmjs.js out/<study>/<series>/seg.dcm
const fs = require('fs');
const dcmjs = require('dcmjs');
for (const f of process.argv.slice(2)) {
  const buf = fs.readFileSync(f);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const dicom = dcmjs.data.DicomMessage.readFile(ab);
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicom.dict);
  const seg = ds.SegmentSequence[0] || ds.SegmentSequence;
  const pf = ds.PerFrameFunctionalGroupsSequence;
  const f0 = pf[0].DerivationImageSequence.SourceImageSequence || pf[0].DerivationImageSequence[0].SourceImageSequence;
  const px = new Uint8Array(ds.PixelData[0]);
  let set = 0; for (let i = 0; i < ds.Rows*ds.Columns*ds.NumberOfFrames; i++) set += (px[i>>3] >> (i&7)) & 1;
  console.log(f, JSON.stringify({sop: ds.SOPClassUID, frames: ds.NumberOfFrames, perFrame: pf.length, rows: ds.Rows, cols: ds.Columns,
    bits: ds.BitsAllocated, type: ds.SegmentationType, label: seg.SegmentLabel, algo: seg.SegmentAlgorithmType + ' ' + seg.SegmentAlgorithmName,
    category: seg.SegmentedPropertyCategoryCodeSequence.CodeValue || seg.SegmentedPropertyCategoryCodeSequence[0].CodeValue,
    typeCode: seg.SegmentedPropertyTypeCodeSequence.CodeValue || seg.SegmentedPropertyTypeCodeSequence[0].CodeValue,
    firstSource: (f0.ReferencedSOPInstanceUID || f0[0].ReferencedSOPInstanceUID), pixelBytes: px.length, setBits: set}));
}
