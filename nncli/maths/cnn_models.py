"""The image classifiers of the CNN timeline, written as layer lists to count their
parameters (maths.layer_count). Only layers with learned numbers are listed.

AlexNet, VGG-16, ResNet-18 and ResNet-50 are the ImageNet models as torchvision defines them
(torchvision.models.alexnet, vgg16, resnet18, resnet50), so their counts can be checked
against it. LeNet-5 is the common modern variant (d2l's: every C3 map sees all six S2 maps,
a linear output layer) rather than the 1998 paper's (a sparse C3 table, RBF outputs).
ZFNet follows Zeiler & Fergus (2013, figure 3); GoogLeNet the 2014 paper's table 1 (conv
biases, no batch norm, no auxiliary classifiers).
"""

from nncli.maths.layer_count import BatchNorm, Conv, Linear

IMAGENET = 1000


def lenet5():
    return [Conv("C1", 1, 6, 5), Conv("C3", 6, 16, 5), Linear("F5", 16 * 5 * 5, 120),
            Linear("F6", 120, 84), Linear("output", 84, 10)]


def alexnet():
    """torchvision's AlexNet (64, 192, 384, 256, 256 filters; the one-GPU variant)."""
    return [Conv("conv1", 3, 64, 11), Conv("conv2", 64, 192, 5), Conv("conv3", 192, 384, 3),
            Conv("conv4", 384, 256, 3), Conv("conv5", 256, 256, 3),
            Linear("fc6", 256 * 6 * 6, 4096), Linear("fc7", 4096, 4096), Linear("fc8", 4096, IMAGENET)]


def zfnet():
    return [Conv("conv1", 3, 96, 7), Conv("conv2", 96, 256, 5), Conv("conv3", 256, 384, 3),
            Conv("conv4", 384, 384, 3), Conv("conv5", 384, 256, 3),
            Linear("fc6", 256 * 6 * 6, 4096), Linear("fc7", 4096, 4096), Linear("fc8", 4096, IMAGENET)]


VGG16_WIDTHS = (64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512)


def vgg16():
    """Configuration D: thirteen 3×3 convolutions (max pools between the groups), three fc."""
    widths = (3,) + VGG16_WIDTHS
    convs = [Conv(f"conv{i + 1}", a, b, 3) for i, (a, b) in enumerate(zip(widths, widths[1:]))]
    return convs + [Linear("fc14", 512 * 7 * 7, 4096), Linear("fc15", 4096, 4096),
                    Linear("fc16", 4096, IMAGENET)]


# (name, in, 1×1, 3×3 reduce, 3×3, 5×5 reduce, 5×5, pool projection): the paper's table 1
INCEPTIONS = (
    ("3a", 192, 64, 96, 128, 16, 32, 32), ("3b", 256, 128, 128, 192, 32, 96, 64),
    ("4a", 480, 192, 96, 208, 16, 48, 64), ("4b", 512, 160, 112, 224, 24, 64, 64),
    ("4c", 512, 128, 128, 256, 24, 64, 64), ("4d", 512, 112, 144, 288, 32, 64, 64),
    ("4e", 528, 256, 160, 320, 32, 128, 128), ("5a", 832, 256, 160, 320, 32, 128, 128),
    ("5b", 832, 384, 192, 384, 48, 128, 128),
)


def googlenet(conv=None, five=5):
    """The 2014 GoogLeNet. conv(name, c_in, c_out, k) makes one convolution (default: with a
    bias); `five`: the kernel of the "5×5" branch (torchvision's variant uses 3)."""
    conv = conv or (lambda name, a, b, k: [Conv(name, a, b, k)])
    layers = conv("conv1", 3, 64, 7) + conv("conv2 reduce", 64, 64, 1) + conv("conv2", 64, 192, 3)
    for name, c, n1, r3, n3, r5, n5, pool in INCEPTIONS:
        layers += (conv(f"{name} 1×1", c, n1, 1) + conv(f"{name} 3×3 reduce", c, r3, 1)
                   + conv(f"{name} 3×3", r3, n3, 3) + conv(f"{name} 5×5 reduce", c, r5, 1)
                   + conv(f"{name} 5×5", r5, n5, five) + conv(f"{name} pool proj", c, pool, 1))
    return layers + [Linear("fc", 1024, IMAGENET)]


def _conv_bn(name, c_in, c_out, k):
    """A convolution without bias followed by batch norm, as torchvision's ResNets."""
    return [Conv(name, c_in, c_out, k, bias=False), BatchNorm(name + " bn", c_out)]


def _basic_block(name, c_in, planes, downsample):
    layers = _conv_bn(name + ".conv1", c_in, planes, 3) + _conv_bn(name + ".conv2", planes, planes, 3)
    return layers + (_conv_bn(name + ".downsample", c_in, planes, 1) if downsample else [])


def _bottleneck(name, c_in, planes, downsample):
    layers = (_conv_bn(name + ".conv1", c_in, planes, 1) + _conv_bn(name + ".conv2", planes, planes, 3)
              + _conv_bn(name + ".conv3", planes, 4 * planes, 1))
    return layers + (_conv_bn(name + ".downsample", c_in, 4 * planes, 1) if downsample else [])


def resnet(blocks_per_stage, bottleneck):
    """torchvision's ResNet: a 7×7 stem, four stages of blocks (64, 128, 256, 512 planes; the
    first block of a stage changes the shape and has a 1×1 downsample on its skip), fc."""
    block, expansion = (_bottleneck, 4) if bottleneck else (_basic_block, 1)
    layers = _conv_bn("conv1", 3, 64, 7)
    c = 64
    for stage, (n, planes) in enumerate(zip(blocks_per_stage, (64, 128, 256, 512))):
        for b in range(n):
            downsample = b == 0 and (stage > 0 or c != planes * expansion)
            layers += block(f"layer{stage + 1}.{b}", c, planes, downsample)
            c = planes * expansion
    return layers + [Linear("fc", c, IMAGENET)]


def resnet18():
    return resnet((2, 2, 2, 2), bottleneck=False)


def resnet50():
    return resnet((3, 4, 6, 3), bottleneck=True)


# (name, year, layers): the models of the timeline, in order
MODELS = (
    ("LeNet-5", 1998, lenet5), ("AlexNet", 2012, alexnet), ("ZFNet", 2013, zfnet),
    ("VGG-16", 2014, vgg16), ("GoogLeNet", 2014, googlenet),
    ("ResNet-18", 2015, resnet18), ("ResNet-50", 2015, resnet50),
)
