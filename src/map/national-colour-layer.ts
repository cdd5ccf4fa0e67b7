/**
 * Why the map of all of Indonesia recolours in one frame: each desa's fill is drawn once in a
 * colour that encodes the desa's index (its number in the national kode list, held in
 * feature-state and never changed by a recolour), and this custom layer, drawn right after the
 * fills, replaces every encoded pixel by that desa's colour from a texture of one texel per desa.
 * A new indicator, year, class count or cluster map uploads that texture (333 KB) and draws one
 * frame.
 *
 * Before, each desa held its palette slot in feature-state; every change of slot made MapLibre
 * look up each changed desa in every loaded tile and rewrite its vertex colours on the main
 * thread (450-600 ms for a new indicator or class count; issue 16, bench row 4b). A new paint
 * expression instead of new states would be worse: MapLibre lays out every tile again for it.
 *
 * The encoding is exact because the fill has no antialiasing (`fill-antialias: false`), the map's
 * canvas has none either (MapLibre's default) and the fill is opaque: each fill pixel holds the
 * encoded bytes unmixed. Pixels that decode to no desa (the sea, the no-data grey of a desa
 * without an index) are left as they are.
 */
import type { CustomLayerInterface, ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { NO_DATA_COLOR } from './palette';

/** The feature-state key holding a desa's index in the national kode list. */
export const DESA_INDEX_STATE = 'i';

/** Texels per row of the colour texture (83,402 desa: 163 rows). */
export const COLOUR_TEXTURE_WIDTH = 512;

/**
 * The fill colour of a desa: its index + 1 in the red, green and blue bytes (little end first),
 * so that 0 and every colour with a blue byte above 1 (the sea, the no-data grey) decode to no
 * desa; the no-data grey while a desa has no index yet.
 */
export function desaIndexFillColor(): ExpressionSpecification {
  const code: ExpressionSpecification = ['+', ['feature-state', DESA_INDEX_STATE], 1];
  return [
    'case',
    ['==', ['typeof', ['feature-state', DESA_INDEX_STATE]], 'number'],
    ['rgb', ['%', code, 256], ['%', ['floor', ['/', code, 256]], 256], ['floor', ['/', code, 65536]]],
    NO_DATA_COLOR,
  ];
}

/** The desa index a pixel of these bytes stands for, -1 for none (the shader's rule, for tests). */
export function decodeDesaIndex(r: number, g: number, b: number, count: number): number {
  const index = r + g * 256 + b * 65536 - 1;
  return index >= 0 && index < count ? index : -1;
}

const VERTEX = `#version 300 es
// One triangle covering the whole viewport, from the vertex number alone (no buffers).
void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
uniform sampler2D u_frame;
uniform sampler2D u_colours;
uniform int u_count;
out vec4 fragColor;
void main() {
  ivec4 b = ivec4(round(texelFetch(u_frame, ivec2(gl_FragCoord.xy), 0) * 255.0));
  int index = b.r + b.g * 256 + b.b * 65536 - 1;
  if (index < 0 || index >= u_count) discard;
  fragColor = texelFetch(u_colours, ivec2(index % ${COLOUR_TEXTURE_WIDTH}, index / ${COLOUR_TEXTURE_WIDTH}), 0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`national colour layer: ${gl.getShaderInfoLog(shader) ?? 'shader failed'}`);
  return shader;
}

function nearestTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const texture = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return texture;
}

/**
 * The layer that turns encoded desa pixels into their colours. `setColours` takes RGBA bytes, one
 * texel per desa index (COLOUR_TEXTURE_WIDTH per row); the upload waits for the next frame, where
 * MapLibre expects GL state to change (it resets its own after a custom layer).
 */
export class NationalColourLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  #map: MapLibreMap | null = null;
  #gl: WebGL2RenderingContext | null = null;
  #program: WebGLProgram | null = null;
  #vao: WebGLVertexArrayObject | null = null;
  #frame: WebGLTexture | null = null;
  #frameSize = [0, 0];
  #colourTexture: WebGLTexture | null = null;
  #colours: Uint8Array | null = null;
  #count = 0;
  #uploaded = false;

  constructor(readonly id: string) {}

  /** The colour of each desa index (RGBA, `count` texels used); drawn at the next frame. */
  setColours(colours: Uint8Array, count: number): void {
    if (colours.length % (COLOUR_TEXTURE_WIDTH * 4) !== 0) throw new Error('national colour layer: colours are not whole texture rows');
    this.#colours = colours;
    this.#count = count;
    this.#uploaded = false;
    this.#map?.triggerRepaint();
  }

  /** The colours last set (for a copy of the map, e.g. the PNG export). */
  get colours(): { colours: Uint8Array; count: number } | null {
    return this.#colours ? { colours: this.#colours, count: this.#count } : null;
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.#map = map;
    this.#gl = gl;
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`national colour layer: ${gl.getProgramInfoLog(program) ?? 'link failed'}`);
    this.#program = program;
    // An empty vertex array of our own: binding none would change MapLibre's current one.
    this.#vao = gl.createVertexArray();
    this.#frame = nearestTexture(gl);
    this.#colourTexture = nearestTexture(gl);
    this.#frameSize = [0, 0];
    this.#uploaded = false;
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    gl.deleteProgram(this.#program);
    gl.deleteVertexArray(this.#vao);
    gl.deleteTexture(this.#frame);
    gl.deleteTexture(this.#colourTexture);
    this.#program = this.#vao = this.#frame = this.#colourTexture = null;
    this.#map = this.#gl = null;
  }

  render(): void {
    const gl = this.#gl;
    if (!gl || !this.#program || !this.#colours || this.#count === 0) return;
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.disable(gl.BLEND);
    gl.disable(gl.SCISSOR_TEST);
    gl.disable(gl.CULL_FACE);
    gl.colorMask(true, true, true, true);
    gl.viewport(0, 0, width, height);
    gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, null);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, this.#colourTexture);
    if (!this.#uploaded) {
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      const rows = this.#colours.length / (COLOUR_TEXTURE_WIDTH * 4);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, COLOUR_TEXTURE_WIDTH, rows, 0, gl.RGBA, gl.UNSIGNED_BYTE, this.#colours);
      this.#uploaded = true;
    }
    // The frame so far (background and fills) as a texture, read back pixel for pixel.
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#frame);
    if (this.#frameSize[0] !== width || this.#frameSize[1] !== height) {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB8, width, height, 0, gl.RGB, gl.UNSIGNED_BYTE, null);
      this.#frameSize = [width, height];
    }
    gl.copyTexSubImage2D(gl.TEXTURE_2D, 0, 0, 0, 0, 0, width, height);
    gl.useProgram(this.#program);
    gl.uniform1i(gl.getUniformLocation(this.#program, 'u_frame'), 0);
    gl.uniform1i(gl.getUniformLocation(this.#program, 'u_colours'), 1);
    gl.uniform1i(gl.getUniformLocation(this.#program, 'u_count'), this.#count);
    gl.bindVertexArray(this.#vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
  }
}
