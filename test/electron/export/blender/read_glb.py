# Run by Blender (blender -b --factory-startup --python read_glb.py -- GLB OUT.json FPS FIRST LAST):
# imports a RigSolve GLB export with Blender's own glTF importer, as an animator would, and writes
# what Blender made of it: each mesh's shape keys, each shape key's animation evaluated on every
# frame FIRST..LAST, its keyframes' frames and interpolation. blender-roundtrip.test.ts compares
# that with the CSV export.
import json
import sys

import numpy

# Blender 3.4's glTF importer (io_scene_gltf2/blender/imp/gltf2_blender_mesh.py) still uses
# numpy.bool, an alias numpy 1.24 removed (Debian 12 ships 1.24): give it back before the
# importer runs, or every import fails with "module 'numpy' has no attribute 'bool'".
if "bool" not in vars(numpy):  # (hasattr would print numpy's deprecation warning)
    numpy.bool = bool

import bpy  # noqa: E402  (after the alias, which the importer reads when it runs)

glb, out, fps, first, last = sys.argv[sys.argv.index("--") + 1 :]
fps, first, last = int(fps), int(first), int(last)

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
# glTF times are seconds; the importer keys frame = time * scene fps, so the scene runs at the shot's rate.
scene.render.fps = fps
scene.render.fps_base = 1.0
result = bpy.ops.import_scene.gltf(filepath=glb)
if "FINISHED" not in result:
    raise SystemExit(f"import failed: {result}")


def shape_key_action(obj):
    """The action animating the object's shape keys: the active one, or the one the importer stashed."""
    keys = obj.data.shape_keys
    ad = keys.animation_data if keys else None
    if ad is None:
        return None
    if ad.action is not None:
        return ad.action
    for track in ad.nla_tracks:
        for strip in track.strips:
            if strip.action is not None:
                return strip.action
    return None


meshes = {}
for obj in scene.objects:
    if obj.type != "MESH" or obj.data.shape_keys is None:
        continue
    blocks = [kb.name for kb in obj.data.shape_keys.key_blocks][1:]  # [0] is the basis
    action = shape_key_action(obj)
    curves = {}
    if action is not None:
        for fc in action.fcurves:
            name = fc.data_path[len('key_blocks["') : -len('"].value')]
            curves[name] = {
                "values": [fc.evaluate(f) for f in range(first, last + 1)],
                "keyFrames": [kp.co[0] for kp in fc.keyframe_points],
                "interpolation": sorted({kp.interpolation for kp in fc.keyframe_points}),
            }
    meshes[obj.name] = {
        "mesh": obj.data.name,
        "vertices": len(obj.data.vertices),
        "shapeKeys": blocks,
        "action": action.name if action else None,
        "actionRange": list(action.frame_range) if action else None,
        "curves": curves,
    }

with open(out, "w") as f:
    json.dump({"blender": bpy.app.version_string, "fps": scene.render.fps / scene.render.fps_base, "meshes": meshes}, f)
